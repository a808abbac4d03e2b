package com.omnicanal.bench;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs an operation n times on a few threads and reports latency percentiles and throughput. */
record Latencies(long[] nanos, double seconds) {

    static Latencies measure(int n, int threads, IntConsumer operation) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            Future<?>[] workers = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        operation.accept(i);
                        nanos[i] = System.nanoTime() - s;
                    }
                });
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return new Latencies(nanos, (System.nanoTime() - start) / 1e9);
    }

    double percentileMillis(double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    double perSecond() {
        return nanos.length / seconds;
    }
}
