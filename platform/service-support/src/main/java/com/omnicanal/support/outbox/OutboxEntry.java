package com.omnicanal.support.outbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An event staged before the state change that produces it; published only once that change carries its mark.
 * Its {@code _id} is the CloudEvents id, so a re-publication is recognisable downstream. {@code batchId} names the
 * {@link OutboxBatch} it was staged in (null when staged alone in this collection).
 */
@Document(OutboxEntry.COLLECTION)
record OutboxEntry(@Id String id, String type, String exchange, String source, String subject, Instant time,
                   String payload, String aggregateCollection, String aggregateId, String traceparent,
                   Instant createdAt, String batchId) {

    static final String COLLECTION = "outbox";

    OutboxEntry inBatch(String batch) {
        return new OutboxEntry(id, type, exchange, source, subject, time, payload, aggregateCollection, aggregateId,
                traceparent, createdAt, batch);
    }
}
