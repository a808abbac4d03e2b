package com.omnicanal.campaign.broadcast;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A broadcast's chunks in flight: the next chunk is enrolled while the previous ones still wait for their dispatches
 * (at most {@code depth} at once, so dispatch never idles between chunks), and each is counted into the progress in
 * stream order once done — so the progress saved is always done, and a resumed broadcast redoes only what was in flight.
 */
final class InFlight implements AutoCloseable {

    private record Chunk(int size, Future<Integer> enrolled) {
    }

    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final int depth;
    private final Progress progress;
    private final double maxRate;
    private final Runnable beat;
    private final Duration beatEvery;

    /**
     * {@code beat} keeps the broadcast's heartbeat fresh while a chunk is awaited, every {@code beatEvery} (well inside
     * the time after which another instance takes a silent broadcast over), so no one takes it over.
     */
    InFlight(int depth, Progress progress, double maxRate, Runnable beat, Duration beatEvery) {
        this.depth = Math.max(1, depth);
        this.progress = progress;
        this.maxRate = maxRate;
        this.beat = beat;
        this.beatEvery = beatEvery;
    }

    /** Starts a chunk (how many it enrols), first counting the oldest ones while {@code depth} are running. */
    void submit(int size, Callable<Integer> enrol) {
        while (chunks.size() >= depth) {
            countOldest();
        }
        chunks.add(new Chunk(size, executor.submit(enrol)));
    }

    /** Waits for every chunk in flight and counts them. */
    void drain() {
        while (!chunks.isEmpty()) {
            countOldest();
        }
    }

    private void countOldest() {
        Chunk chunk = chunks.poll();
        try {
            progress.enrolled += awaitBeating(chunk.enrolled());
        } catch (ExecutionException e) { // redone on resume: enrolments are idempotent
            throw new IllegalStateException("a chunk's enrolment failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a chunk was in flight", e);
        }
        for (int i = 0; i < chunk.size(); i++) {
            progress.processed++;
            progress.pace(maxRate);
        }
    }

    private int awaitBeating(Future<Integer> enrolled) throws ExecutionException, InterruptedException {
        while (true) {
            try {
                return enrolled.get(beatEvery.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                beat.run();
            }
        }
    }

    /** Lets the chunks still in flight finish (a cancel or a failure): they are idempotent either way. */
    @Override
    public void close() {
        executor.close();
    }
}
