package com.omnicanal.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Moves staged events to the broker: at once after each write, and by a periodic recovery pass over what a
 * crash or a broker outage left behind. An entry is deleted only after the broker confirmed it.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final BlockingQueue<OutboxEntry> fresh = new LinkedBlockingQueue<>(100_000);
    /** Ids queued or being published right now: recovery leaves them alone, or a backlog would be sent twice. */
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per batch document followed here, how many of its entries still wait for a confirm. */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> batchesLeft =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter published;
    private volatile boolean running;
    private Thread worker;
    private Instant nextRecovery = Instant.EPOCH;
    private volatile boolean moreDue; // the last recovery pass was a full batch: the next one comes at once

    OutboxRelay(MongoTemplate mongo, OutboxPublisher publisher, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.published = Counter.builder("omni.outbox.published").register(meters);
        meters.gauge("omni.outbox.queued", fresh, BlockingQueue::size);
    }

    void submit(List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            inFlight.add(entry.id());
            if (!fresh.offer(entry)) {
                inFlight.remove(entry.id()); // the queue is full: recovery picks it up from the store
                if (entry.batchId() != null) {
                    untrack(entry.batchId());
                }
            }
        }
    }

    /** Entries staged together in one {@link OutboxBatch}: its document is deleted once all of them are confirmed. */
    void submitBatch(String batchId, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            mongo.remove(query(where("_id").is(batchId)), OutboxBatch.class);
            return;
        }
        inFlight.add(batchId);
        batchesLeft.put(batchId, new java.util.concurrent.atomic.AtomicInteger(entries.size()));
        submit(entries);
    }

    /** A batch this instance no longer follows to its end (an entry failed or found no room): recovery finishes it. */
    private void untrack(String batchId) {
        batchesLeft.remove(batchId);
        inFlight.remove(batchId);
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("omni-outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(5)); // its channel is closed once it no longer publishes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publisher.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                relayFresh();
                if (Instant.now().isAfter(nextRecovery)) {
                    recover();
                    nextRecovery = moreDue ? Instant.now() : Instant.now().plus(properties.recoveryInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed, retrying: {}", e.toString());
                pause();
            }
        }
    }

    private void relayFresh() throws InterruptedException {
        OutboxEntry first = fresh.poll(moreDue ? 0 : 200, TimeUnit.MILLISECONDS); // a backlog due: no waiting
        if (first == null) {
            return;
        }
        List<OutboxEntry> batch = new ArrayList<>(List.of(first));
        fresh.drainTo(batch, properties.batchSize() - 1);
        try {
            Set<String> confirmed = new java.util.HashSet<>(publishAndClear(batch).stream().map(OutboxEntry::id).toList());
            batch.stream().filter(e -> e.batchId() != null && !confirmed.contains(e.id()))
                    .forEach(e -> untrack(e.batchId())); // by id: comparing whole entries was a tenth of the relay
        } finally {
            batch.forEach(e -> inFlight.remove(e.id()));
        }
    }

    /**
     * Publishes a batch of what was staged long enough ago and whose state write happened (their marks read with one
     * {@code $in} per collection); drops abandoned stagings. When the batch was full and went, more is due and the next
     * pass comes right after the next fresh batch (a burst larger than the queue — a segment build of 250,000 — came
     * back here at one batch per recovery interval, 100 events/s, and was still being published five minutes later).
     */
    int recover() {
        Instant now = Instant.now();
        List<OutboxEntry> due = mongo.find(query(where("createdAt").lt(now.minus(properties.recoveryMinAge())))
                .limit(properties.batchSize()), OutboxEntry.class);
        List<OutboxEntry> open = due.stream().filter(entry -> !inFlight.contains(entry.id())).toList();
        Set<String> marks = marks(open);
        List<OutboxEntry> ready = new ArrayList<>();
        List<String> abandoned = new ArrayList<>();
        for (OutboxEntry entry : open) {
            if (marks.contains(entry.id())) {
                ready.add(entry);
            } else if (entry.createdAt().isBefore(now.minus(properties.abandonAfter()))) {
                abandoned.add(entry.id());
            }
        }
        if (!abandoned.isEmpty()) {
            mongo.remove(query(where("_id").in(abandoned)), OutboxEntry.class);
        }
        int confirmed = publishAndClear(ready).size();
        moreDue = due.size() == properties.batchSize() && confirmed == ready.size() && confirmed + abandoned.size() > 0;
        return confirmed + recoverBatches(now);
    }

    /** Batch documents a crash or a failed publication left behind: their marked entries go out, then the document. */
    private int recoverBatches(Instant now) {
        int published = 0;
        for (Document stored : mongo.find(query(where("createdAt").lt(now.minus(properties.recoveryMinAge())))
                .limit(20), Document.class, OutboxBatch.COLLECTION)) {
            OutboxBatch batch = OutboxDocuments.batch(stored, mongo.getConverter());
            if (inFlight.contains(batch.id())) {
                continue;
            }
            Set<String> marks = marks(batch.entries());
            List<OutboxEntry> ready = batch.entries().stream()
                    .filter(e -> marks.contains(e.id()) && !batch.published().contains(e.id())).toList();
            List<OutboxEntry> confirmed = ready.isEmpty() ? List.of() : publisher.publish(ready);
            clearMarks(confirmed);
            published += confirmed.size();
            this.published.increment(confirmed.size());
            Set<String> done = new java.util.HashSet<>(batch.published());
            confirmed.forEach(e -> done.add(e.id()));
            boolean settled = batch.entries().stream().allMatch(e -> done.contains(e.id()) || marks.contains(e.id()))
                    && confirmed.size() == ready.size();
            if (settled || batch.createdAt().isBefore(now.minus(properties.abandonAfter()))) {
                mongo.remove(query(where("_id").is(batch.id())), OutboxBatch.class); // unmarked by now: never written
            } else if (!confirmed.isEmpty()) { // some writes may still be on their way: keep what was sent
                mongo.updateFirst(query(where("_id").is(batch.id())), new Update().addToSet("published")
                        .each(confirmed.stream().map(OutboxEntry::id).toArray()), OutboxBatch.class);
            }
        }
        return published;
    }

    /** Which of these entries' aggregates carry their mark: one {@code _id $in} read per collection. */
    private Set<String> marks(List<OutboxEntry> entries) {
        Set<String> marks = new java.util.HashSet<>();
        entries.stream().collect(java.util.stream.Collectors.groupingBy(OutboxEntry::aggregateCollection)).forEach(
                (collection, of) -> {
                    var byIds = query(where("_id").in(of.stream().map(OutboxEntry::aggregateId).distinct().toList()));
                    byIds.fields().include(PendingEvents.FIELD);
                    mongo.find(byIds, Document.class, collection).forEach(aggregate ->
                            marks.addAll(aggregate.getList(PendingEvents.FIELD, String.class, List.of())));
                });
        return marks;
    }

    private List<OutboxEntry> publishAndClear(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<OutboxEntry> confirmed = publisher.publish(entries);
        if (confirmed.isEmpty()) {
            pause();
            return confirmed;
        }
        List<String> single = confirmed.stream().filter(e -> e.batchId() == null).map(OutboxEntry::id).toList();
        if (!single.isEmpty()) {
            mongo.remove(query(where("_id").in(single)), OutboxEntry.class);
        }
        confirmed.stream().filter(e -> e.batchId() != null).forEach(e -> {
            var left = batchesLeft.get(e.batchId());
            if (left != null && left.decrementAndGet() == 0) {
                mongo.remove(query(where("_id").is(e.batchId())), OutboxBatch.class);
                untrack(e.batchId());
            }
        });
        clearMarks(confirmed);
        published.increment(confirmed.size());
        return confirmed;
    }

    /** One {@code $pullAll} per aggregate: an aggregate with many events (a segment's build) is rewritten once. */
    private void clearMarks(List<OutboxEntry> confirmed) {
        Map<String, Map<String, List<String>>> byCollection = new LinkedHashMap<>();
        confirmed.stream().filter(e -> !properties.keepMarksIn().contains(e.aggregateCollection()))
                .forEach(e -> byCollection.computeIfAbsent(e.aggregateCollection(), c -> new LinkedHashMap<>())
                        .computeIfAbsent(e.aggregateId(), a -> new ArrayList<>()).add(e.id()));
        byCollection.forEach((collection, byAggregate) -> {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            byAggregate.forEach((aggregateId, ids) -> bulk.updateOne(query(where("_id").is(aggregateId)),
                    new Update().pullAll(PendingEvents.FIELD, ids.toArray())));
            bulk.execute();
        });
    }

    private void pause() {
        try {
            Thread.sleep(500); // broker or store unavailable: back off instead of spinning
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
