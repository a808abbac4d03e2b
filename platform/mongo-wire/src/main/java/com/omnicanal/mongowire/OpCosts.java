package com.omnicanal.mongowire;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Diagnostics for benchmarks: the time the server spends per command and collection, printed every interval (enabled
 * with {@code -Domni.mongo.op-costs=<seconds>}), to find which of a service's writes cost the store most.
 */
final class OpCosts {

    private record Key(String command, String collection) {
    }

    private record Cost(LongAdder count, LongAdder nanos) {
    }

    private final Map<Key, Cost> costs = new ConcurrentHashMap<>();

    static OpCosts startIfEnabled() {
        Integer seconds = Integer.getInteger("omni.mongo.op-costs");
        if (seconds == null) {
            return null;
        }
        OpCosts costs = new OpCosts();
        Thread.ofPlatform().daemon().name("op-costs").start(() -> costs.report(Duration.ofSeconds(seconds)));
        return costs;
    }

    void record(String command, Object collection, long nanos) {
        Cost cost = costs.computeIfAbsent(new Key(command, String.valueOf(collection)),
                k -> new Cost(new LongAdder(), new LongAdder()));
        cost.count().increment();
        cost.nanos().add(nanos);
    }

    private void report(Duration every) {
        while (true) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            StringBuilder out = new StringBuilder("op costs since the last report (ms total, count, µs each):\n");
            costs.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<Key, Cost> e) -> e.getValue().nanos().sum()).reversed())
                    .limit(20).forEach(e -> {
                        long count = e.getValue().count().sumThenReset();
                        long nanos = e.getValue().nanos().sumThenReset();
                        if (count > 0) {
                            out.append("  %-16s %-28s %8d ms %8d %8d µs%n".formatted(e.getKey().command(),
                                    e.getKey().collection(), nanos / 1_000_000, count, nanos / count / 1000));
                        }
                    });
            System.out.print(out);
        }
    }
}
