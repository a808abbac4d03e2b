package com.omnicanal.conversation.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One customer's conversation, whatever the channels it runs over: status (open, pending, snoozed, resolved), who
 * works it (team, assignee, priority), the clock marks SLAs read, and when the customer last wrote on each channel.
 */
@Document(Conversation.COLLECTION)
public record Conversation(@Id String id, String profileId, String status, Set<String> channels,
                           String lastInboundChannel, Instant openedAt, Instant lastMessageAt,
                           Map<String, Instant> lastInboundAt, Instant awaitingReplySince, Instant firstResponseAt,
                           Instant resolvedAt, Instant snoozedUntil, String teamId, String assignee, int priority,
                           String complaintId, String storeId, String language, Set<String> tags) {

    static final String COLLECTION = "conversations";

    public static final int PRIORITY_COMPLAINT = 0;
    public static final int PRIORITY_VIP = 1;
    public static final int PRIORITY_NORMAL = 2;

    public boolean isResolved() {
        return "resolved".equals(status);
    }
}
