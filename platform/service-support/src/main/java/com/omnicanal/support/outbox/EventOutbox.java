package com.omnicanal.support.outbox;

import com.omnicanal.events.EventTypes;
import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.support.batch.RawDocuments;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.bson.RawBsonDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The transactional outbox without transactions: stage the events, run the state write that carries their marks,
 * then hand them to the relay. A crash at any point leaves either no state change (the staged events are dropped
 * once abandoned) or a marked change whose events the relay publishes.
 */
public class EventOutbox {

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final Supplier<Tracer> tracer;
    private final String source;
    private final String context;
    /** Event class → its type and exchange: worked out once per class, not per event. */
    private final Map<Class<?>, Route> routes = new ConcurrentHashMap<>();

    EventOutbox(MongoTemplate mongo, JsonMapper json, OutboxRelay relay, ObjectProvider<Tracer> tracer, String source,
                String context) {
        this.context = context;
        this.mongo = mongo;
        this.json = json;
        this.relay = relay;
        // looked up once: a bean lookup per event was 4% of a busy service's CPU (profiled)
        this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
        this.source = source;
    }

    /**
     * Publishes {@code event} if and only if {@code write} (which must apply the marks) completes with a result;
     * a write that returns null (e.g. a guarded update that matched nothing) did not happen.
     */
    public <T> T publish(String collection, String aggregateId, IntegrationEvent event,
                         Function<PendingEvents, T> write) {
        return publish(collection, aggregateId, List.of(event), write);
    }

    public <T> T publish(String collection, String aggregateId, List<? extends IntegrationEvent> events,
                         Function<PendingEvents, T> write) {
        if (events.isEmpty()) {
            return write.apply(new PendingEvents(Set.of()));
        }
        List<OutboxEntry> entries = events.stream().map(e -> entry(collection, aggregateId, e)).toList();
        Set<String> ids = new LinkedHashSet<>(entries.stream().map(OutboxEntry::id).toList());
        insert(entries);
        T result;
        try {
            result = write.apply(new PendingEvents(ids));
        } catch (RuntimeException e) {
            discard(ids);
            throw e;
        }
        if (result == null) {
            discard(ids);
            return null;
        }
        relay.submit(entries);
        return result;
    }

    /** One event about one aggregate, for {@link #publishAll}. */
    public record Keyed(String aggregateId, IntegrationEvent event) {
    }

    /**
     * The bulk form: stages one event per aggregate in one insert, runs {@code write} with each event's entry id
     * (index-aligned, so each aggregate carries its own mark) and publishes the events of the aggregates the write
     * reports as written (e.g. all but the duplicates of an unordered bulk insert); the others are dropped.
     */
    public Set<Integer> publishAll(String collection, List<Keyed> events,
                                   Function<List<String>, Set<Integer>> write) {
        String batchId = events.size() > 1 ? UUID.randomUUID().toString() : null;
        List<OutboxEntry> entries = events.stream().map(e -> entry(collection, e.aggregateId(), e.event()).inBatch(batchId))
                .toList();
        List<String> ids = entries.stream().map(OutboxEntry::id).toList();
        if (batchId != null) {
            var batches = mongo.getCollection(OutboxBatch.COLLECTION);
            batches.withDocumentClass(RawBsonDocument.class).insertOne(RawDocuments.of(
                    OutboxDocuments.of(new OutboxBatch(batchId, entries, Instant.now(), Set.of()), batches.getCodecRegistry()),
                    batches.getCodecRegistry()));
        } else if (!entries.isEmpty()) {
            insert(entries);
        }
        Set<Integer> written;
        try {
            written = write.apply(ids);
        } catch (RuntimeException e) {
            discardStaged(batchId, ids);
            throw e;
        }
        Set<String> dropped = new LinkedHashSet<>();
        List<OutboxEntry> ready = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (written.contains(i)) {
                ready.add(entries.get(i));
            } else {
                dropped.add(ids.get(i));
            }
        }
        if (batchId != null) {
            relay.submitBatch(batchId, ready); // the batch document goes once its published entries are confirmed
        } else {
            if (!dropped.isEmpty()) {
                discard(dropped);
            }
            relay.submit(ready);
        }
        return written;
    }

    private void insert(List<OutboxEntry> entries) {
        mongo.getCollection(OutboxEntry.COLLECTION).insertMany(entries.stream().map(OutboxDocuments::of).toList());
    }

    private void discardStaged(String batchId, List<String> ids) {
        if (batchId != null) {
            mongo.remove(query(where("_id").is(batchId)), OutboxBatch.class);
        } else {
            discard(new LinkedHashSet<>(ids));
        }
    }

    private void discard(Set<String> ids) {
        mongo.remove(query(where("_id").in(ids)), OutboxEntry.class); // best effort; the relay drops leftovers
    }

    private OutboxEntry entry(String collection, String aggregateId, IntegrationEvent event) {
        Route route = routes.computeIfAbsent(event.getClass(), c -> Route.of(EventTypes.concrete(c, context)));
        Instant now = Instant.now();
        return new OutboxEntry(UUID.randomUUID().toString(), route.type(), route.exchange(), source,
                event.subject(), now, json.writeValueAsString(event), collection, aggregateId, traceparent(), now, null);
    }

    private record Route(String type, String exchange) {

        static Route of(String type) {
            return new Route(type, EventTypes.exchangeOf(type));
        }
    }

    private String traceparent() {
        Tracer current = tracer.get();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        // the W3C flags say whether the request was sampled, so the consumer's span follows the same decision
        String flags = Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00";
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-" + flags;
    }
}
