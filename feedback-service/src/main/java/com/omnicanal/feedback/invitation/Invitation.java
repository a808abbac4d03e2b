package com.omnicanal.feedback.invitation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One invitation, keyed by its unguessable single-use token (the link {@code /s/<token>} needs no login); it keeps
 * the survey version, the context the answer will be attributed to, when it is due (a delayed or deferred
 * invitation is {@code scheduled}), and why it was not sent when it was not.
 */
@Document(Invitation.COLLECTION)
public record Invitation(@Id String token, String surveyId, int version, String profileId, String trigger,
                         String channel, String conversationId, String agentId, String teamId, String storeId,
                         String state, List<String> reasons, Instant createdAt, Instant expiresAt, Instant openedAt,
                         Instant dueAt, Instant remindedAt) {

    public static final String COLLECTION = "invitations";

    public boolean isExpired(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }
}
