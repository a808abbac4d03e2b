package com.omnicanal.bench;

import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.TestBroker;

import java.time.Duration;
import java.util.List;

/**
 * Waits until the events of what a bench just did have been published and consumed — the services' outboxes and their
 * queues empty, twice a second apart — so the part measured next measures its own work, not the tail of the setup's.
 */
record Settled(TestBroker broker, List<MongoDatabase> databases, List<String> queues) {

    private static final List<String> OUTBOXES = List.of("outbox", "outbox_batches");

    /** How long it took (at most {@code limit}); whether it settled. */
    String await(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() - start < limit.toNanos()) {
            quiet = idle() ? quiet + 1 : 0;
            Thread.sleep(1_000);
        }
        return "%s after %.0f s".formatted(quiet < 2 ? "NOT settled" : "settled", (System.nanoTime() - start) / 1e9);
    }

    private boolean idle() {
        return databases.stream().allMatch(db -> OUTBOXES.stream().allMatch(c -> db.getCollection(c).countDocuments() == 0))
                && queues.stream().allMatch(q -> broker.depth(q) <= 0); // -1: no such queue (its service is not running)
    }
}
