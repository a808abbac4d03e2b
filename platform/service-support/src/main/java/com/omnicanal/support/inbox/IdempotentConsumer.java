package com.omnicanal.support.inbox;

import com.omnicanal.support.batch.BulkInserts;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

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
        if (!claimAll(type, Map.of(eventId, redelivered), 0).contains(eventId)) {
            return false;
        }
        try {
            effect.run();
        } catch (RuntimeException e) {
            releaseAll(List.of(eventId));
            throw e;
        }
        doneAll(type, List.of(eventId));
        return true;
    }

    /** Runs a {@link Replayable} effect without a claim: running it twice is harmless by its own design. */
    public void replay(String type, Runnable effect) {
        effect.run();
        replayed(type, 1);
    }

    void replayed(String type, int count) {
        meters.counter("omni.events.processed", "type", type).increment(count);
    }

    /**
     * Claims a run's event ids (id → redelivered) in one unordered bulk insert; returns those this consumer may run.
     * {@code copies}: how many more copies of these ids came in the same run (counted as duplicates).
     */
    Set<String> claimAll(String type, Map<String, Boolean> ids, int copies) {
        Instant now = Instant.now();
        List<String> order = new ArrayList<>(ids.keySet());
        Set<Integer> written = BulkInserts.insertNew(mongo, ProcessedEvent.class, order.stream()
                .map(id -> new ProcessedEvent(id, type, ProcessedEvent.State.IN_PROGRESS, now)).toList());
        Set<String> claimed = new HashSet<>(order);
        List<String> taken = IntStream.range(0, order.size()).filter(i -> !written.contains(i)).mapToObj(order::get)
                .toList();
        if (!taken.isEmpty()) {
            Map<String, ProcessedEvent> existing = new HashMap<>();
            mongo.find(query(where("_id").in(taken)), ProcessedEvent.class).forEach(p -> existing.put(p.id(), p));
            for (String id : taken) {
                ProcessedEvent claim = existing.get(id);
                // a redelivered copy of an unfinished claim means its first consumer died: run it again
                if (claim != null && !(claim.state() == ProcessedEvent.State.IN_PROGRESS && ids.get(id))) {
                    claimed.remove(id);
                }
            }
        }
        int duplicates = ids.size() - claimed.size() + copies;
        if (duplicates > 0) {
            meters.counter("omni.events.duplicates", "type", type).increment(duplicates);
        }
        return claimed;
    }

    /** Gives claims back after their effects failed, so the retries may take them. */
    void releaseAll(List<String> eventIds) {
        mongo.remove(query(where("_id").in(eventIds)), ProcessedEvent.class);
    }

    void doneAll(String type, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(query(where("_id").in(eventIds)), new Update().set("state", ProcessedEvent.State.DONE)
                .set("at", Instant.now()), ProcessedEvent.class);
        meters.counter("omni.events.processed", "type", type).increment(eventIds.size());
    }
}
