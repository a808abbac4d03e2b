package com.omnicanal.conversation.dispatch;

import org.bson.types.ObjectId;
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

    /** The request id as the converter stores an {@code @Id} string: an ObjectId when it reads as one. */
    static Object key(String requestId) {
        return ObjectId.isValid(requestId) ? new ObjectId(requestId) : requestId;
    }

    /**
     * A just-claimed request as stored, built by hand as the converter writes it (nulls left out), without the type
     * hint nothing reads (one class per collection).
     */
    static org.bson.Document claimed(String requestId, String profileId, String purpose, Instant at) {
        org.bson.Document d = new org.bson.Document("_id", key(requestId));
        if (profileId != null) {
            d.append("profileId", profileId);
        }
        if (purpose != null) {
            d.append("purpose", purpose);
        }
        return d.append("status", SENDING).append("decisions", new java.util.ArrayList<>())
                .append("at", java.util.Date.from(at));
    }

    public boolean isSent() {
        return "sent".equals(status);
    }
}
