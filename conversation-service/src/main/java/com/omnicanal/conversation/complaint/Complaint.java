package com.omnicanal.conversation.complaint;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.Set;

/** A complaint on a customer's conversation: what, how severe, who owns it, whether escalated, how it ended. */
@Document(Complaint.COLLECTION)
record Complaint(@Id String id, String conversationId, String profileId, String category, String severity,
                 String source, String details, String status, String owner, boolean escalated, String resolution,
                 Instant openedAt, Instant resolvedAt, @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "complaints";
}
