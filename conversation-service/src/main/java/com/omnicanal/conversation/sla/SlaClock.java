package com.omnicanal.conversation.sla;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.Set;

/**
 * An SLA target of one conversation, {@code _id} conversation:target:start (one clock per waiting period); removed
 * once met, kept when breached.
 */
@Document(SlaClock.COLLECTION)
record SlaClock(@Id String id, String conversationId, String profileId, String target, String policyId,
                Instant startedAt, Instant warnAt, Instant dueAt, boolean warned, String status,
                @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "sla_clocks";
    static final String FIRST_RESPONSE = "first-response";
    static final String NEXT_RESPONSE = "next-response";
    static final String RESOLUTION = "resolution";
}
