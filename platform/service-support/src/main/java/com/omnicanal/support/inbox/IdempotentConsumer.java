package com.omnicanal.support.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;

/**
 * Runs a side effect at most once per event id, recording the id after the effect succeeded. A crash between the
 * effect and the record re-runs the effect on redelivery, so handlers also write idempotently (upserts, versions).
 */
public class IdempotentConsumer {

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    public IdempotentConsumer(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Returns false when the event was already processed and {@code effect} was skipped. */
    public boolean once(String eventId, String type, Runnable effect) {
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(eventId)), ProcessedEvent.class)) {
            meters.counter("omni.events.duplicates", "type", type).increment();
            return false;
        }
        effect.run();
        try {
            mongo.insert(new ProcessedEvent(eventId, type, Instant.now()));
        } catch (DuplicateKeyException concurrentDelivery) {
            return false; // a concurrent redelivery finished first; both effects were idempotent writes
        }
        meters.counter("omni.events.processed", "type", type).increment();
        return true;
    }
}
