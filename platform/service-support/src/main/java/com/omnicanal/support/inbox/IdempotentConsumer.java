package com.omnicanal.support.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Runs a side effect once per event id. The id is claimed with a unique insert before the effect, so two copies
 * delivered at the same time cannot both run it; a failed effect releases the claim for the retry. A claim left by a
 * consumer that died mid-effect is taken over by the broker's redelivery of that same message.
 */
public class IdempotentConsumer {

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    public IdempotentConsumer(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Returns false when {@code effect} was skipped because the event is (being) processed already. */
    public boolean once(String eventId, String type, boolean redelivered, Runnable effect) {
        if (!claim(eventId, type, redelivered)) {
            meters.counter("omni.events.duplicates", "type", type).increment();
            return false;
        }
        try {
            effect.run();
        } catch (RuntimeException e) {
            mongo.remove(query(where("_id").is(eventId)), ProcessedEvent.class);
            throw e;
        }
        mongo.updateFirst(query(where("_id").is(eventId)), new Update().set("state", ProcessedEvent.State.DONE)
                .set("at", Instant.now()), ProcessedEvent.class);
        meters.counter("omni.events.processed", "type", type).increment();
        return true;
    }

    /** Runs a {@link Replayable} effect without a claim: running it twice is harmless by its own design. */
    public void replay(String type, Runnable effect) {
        effect.run();
        meters.counter("omni.events.processed", "type", type).increment();
    }

    private boolean claim(String eventId, String type, boolean redelivered) {
        try {
            mongo.insert(new ProcessedEvent(eventId, type, ProcessedEvent.State.IN_PROGRESS, Instant.now()));
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            ProcessedEvent existing = mongo.findById(eventId, ProcessedEvent.class);
            // a redelivered copy of an unfinished claim means its first consumer died: run it again
            return existing == null || (existing.state() == ProcessedEvent.State.IN_PROGRESS && redelivered);
        }
    }
}
