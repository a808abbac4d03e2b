package com.omnicanal.feedback.response;

import com.omnicanal.events.feedback.ResponseSubmitted;
import com.omnicanal.feedback.results.Dimensions;
import com.omnicanal.feedback.results.Stats;
import com.omnicanal.feedback.results.Tally;
import com.omnicanal.support.timer.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit of answers: the answers arriving together are written in a few bulk operations (journal, events,
 * responses, counters, detractor timers) instead of a dozen round trips each; a request is answered once its batch
 * is written and counted, so an accepted answer is never lost.
 */
@Component
class AnswerBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnswerBatcher.class);
    static final String DETRACTOR = "detractor";

    private record Waiting(Response response, CompletableFuture<Boolean> done) {
    }

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>(20_000);
    private final String writer = UUID.randomUUID().toString().replace("-", "");
    private final AtomicLong seq = new AtomicLong();
    private final AnswerJournal journal;
    private final AnswerWrites writes;
    private final Stats stats;
    private final Timers timers;
    private final PartialAnswers partials;
    private volatile boolean running;

    AnswerBatcher(AnswerJournal journal, AnswerWrites writes, Stats stats, Timers timers, PartialAnswers partials) {
        this.journal = journal;
        this.writes = writes;
        this.stats = stats;
        this.timers = timers;
        this.partials = partials;
    }

    String writer() {
        return writer;
    }

    /** True once recorded and counted, false when the invitation was answered already. */
    boolean record(Response response) {
        Waiting waiting = new Waiting(response, new CompletableFuture<>());
        if (!running || !queue.offer(waiting)) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "too many answers at once; try again");
        }
        try {
            return waiting.done().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the answer could not be stored; try again");
        }
    }

    /** Historical answers (an import): written and counted in the same way, without events. */
    synchronized Set<Integer> importAll(List<Response> responses) {
        return commit(responses, false);
    }

    private void loop() {
        while (running || !queue.isEmpty()) { // on stop, the answers already queued are still written
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Waiting> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, 999);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void flush(List<Waiting> batch) {
        try {
            Set<Integer> written = commit(batch.stream().map(Waiting::response).toList(), true);
            forgetPartials(written.stream().map(i -> batch.get(i).response().id()).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(written.contains(i));
            }
        } catch (RuntimeException e) {
            log.warn("a batch of {} answers failed: {}", batch.size(), e.toString());
            batch.forEach(w -> w.done().completeExceptionally(e));
        }
    }

    /** Half-finished answers of the surveys now answered, in one delete; one left behind is shown as answered anyway. */
    private void forgetPartials(List<String> answered) {
        try {
            partials.forget(answered);
        } catch (RuntimeException e) {
            log.warn("partial answers of {} answered surveys not removed: {}", answered.size(), e.toString());
        }
    }

    /** Journal, responses (with their events), counters and detractor timers; the journal goes last. */
    private Set<Integer> commit(List<Response> responses, boolean publish) {
        long number = seq.incrementAndGet();
        AnswerJournal.Entry entry = new AnswerJournal.Entry(writer + ":" + number, writer, number,
                responses.stream().map(Response::id).toList());
        journal.open(entry);
        Set<Integer> written;
        try {
            written = publish ? writes.insertPublishing(responses, this::event) : writes.insert(responses);
        } catch (RuntimeException e) {
            // part of the insert may have landed: count that part now, in sequence, then fail the requests
            List<Response> landed = new ArrayList<>();
            retrying(() -> landed.addAll(writes.existing(entry.responses())));
            count(writer, number, landed, false);
            journal.close(entry.id());
            throw e;
        }
        count(writer, number, written.stream().sorted().map(responses::get).toList(), false);
        journal.close(entry.id());
        return written;
    }

    /** Counters and detractor timers, retried until the store takes them: later batches must not overtake. */
    void count(String writer, long number, List<Response> recorded, boolean recovering) {
        Tally tally = new Tally();
        recorded.forEach(r -> tally.answer(r.surveyId(), Dimensions.of(r.channel(), r.agentId(), r.teamId(), r.storeId()),
                r.score(), r.category(), r.at()));
        retrying(() -> {
            if (recovering) {
                stats.recover(writer, number, tally);
            } else {
                stats.apply(writer, number, tally);
            }
        });
        List<String> detractors = recorded.stream().filter(Response::detractor).map(Response::id).toList();
        retrying(() -> timers.scheduleAll(DETRACTOR, detractors, Instant.now()));
    }

    private ResponseSubmitted event(Response r) {
        return new ResponseSubmitted(r.profileId(), r.id(), r.surveyId(), r.version(), r.kind(), r.score(), r.category(),
                r.channel(), r.conversationId(), r.agentId(), r.storeId(), r.at());
    }

    private void retrying(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                log.warn("counting answers failed (attempt {}), retrying: {}", attempt, e.toString());
                try {
                    Thread.sleep(Math.min(5_000, 100L * attempt)); // back off while the store is unavailable
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread.ofPlatform().name("answer-batcher").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
