package com.omnicanal.support.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Group commit for a hot write path (or a hot read by key): callers block in {@link #submit} while a few committer threads take whatever has
 * queued up (at most {@code maxBatch}) and write it in one call of {@code commit} — a handful of bulk store operations
 * instead of a handful per item. Nothing waits for a batch to fill: under light load a batch is one item, under heavy
 * load batches grow by themselves. A batch that fails is retried item by item, so one bad item fails alone.
 *
 * @param <I> what a caller submits
 * @param <O> its result; {@code commit} answers one per item, in order
 */
public final class GroupCommit<I, O> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<I, O>(I item, CompletableFuture<O> result) {
    }

    private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
    private final Function<List<I>, List<O>> commit;
    private final int maxBatch;
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean open = true;

    public GroupCommit(String name, int committers, int maxBatch, Function<List<I>, List<O>> commit) {
        if (committers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a group commit needs at least one committer and a batch of one");
        }
        this.commit = commit;
        this.maxBatch = maxBatch;
        for (int i = 0; i < committers; i++) {
            this.committers.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::run));
        }
    }

    /** Writes {@code item} with whatever else is waiting; its result, or the exception its write raised. */
    public O submit(I item) {
        if (!open) {
            throw new IllegalStateException("shutting down");
        }
        CompletableFuture<O> result = new CompletableFuture<>();
        queue.add(new Pending<>(item, result));
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void run() {
        while (open) {
            List<Pending<I, O>> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            write(batch);
        }
    }

    private void write(List<Pending<I, O>> batch) {
        try {
            complete(batch, commit.apply(batch.stream().map(Pending::item).toList()));
        } catch (RuntimeException | Error batchFailed) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(batchFailed);
                return;
            }
            log.debug("a batch of {} failed ({}); writing its items one by one", batch.size(), batchFailed.toString());
            batch.forEach(one -> write(List.of(one)));
        }
    }

    private static <I, O> void complete(List<Pending<I, O>> batch, List<O> results) {
        if (results.size() != batch.size()) {
            throw new IllegalStateException("commit answered " + results.size() + " results for " + batch.size() + " items");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    /** How many items wait for a committer (for gauges and tests). */
    public int waiting() {
        return queue.size();
    }

    /** Stops taking new work; what is queued is still written. */
    @Override
    public void close() {
        open = false;
        List<Pending<I, O>> left = new ArrayList<>();
        queue.drainTo(left);
        for (int i = 0; i < left.size(); i += maxBatch) {
            write(left.subList(i, Math.min(left.size(), i + maxBatch)));
        }
        committers.forEach(Thread::interrupt);
    }
}
