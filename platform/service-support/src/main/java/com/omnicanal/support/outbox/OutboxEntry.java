package com.omnicanal.support.outbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An event staged before the state change that produces it; published only once that change carries its mark.
 * Its {@code _id} is the CloudEvents id, so a re-publication is recognisable downstream.
 */
@Document(OutboxEntry.COLLECTION)
record OutboxEntry(@Id String id, String type, String exchange, String source, String subject, Instant time,
                   String payload, String aggregateCollection, String aggregateId, String traceparent,
                   Instant createdAt) {

    static final String COLLECTION = "outbox";
}
