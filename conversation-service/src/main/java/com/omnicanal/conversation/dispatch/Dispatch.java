package com.omnicanal.conversation.dispatch;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one dispatch request and every decision that led to it; {@code form} says how a request's
 * interactive choices went: {@code buttons}, {@code list}, {@code numbered-text} or inside a {@code template}.
 */
@Document(Dispatch.COLLECTION)
public record Dispatch(@Id String requestId, String profileId, String purpose, String status, String channel,
                       String kind, String form, String messageId, String conversationId, List<String> decisions,
                       Instant deferredUntil, Instant at) {

    static final String COLLECTION = "dispatches";
    static final String SENDING = "sending";

    public boolean isSent() {
        return "sent".equals(status);
    }
}
