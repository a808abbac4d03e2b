package com.omnicanal.support.timer;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Walks the seconds from the last one handled to now; each second's bucket is claimed with a compare-and-set (so of
 * several instances exactly one fires it), fired, then deleted. A claim whose instance died is taken over after a
 * grace period; the cursor is stored, so a restart catches up on what came due while it was down.
 */
class TimerSweeper {

    private static final Logger log = LoggerFactory.getLogger(TimerSweeper.class);
    private static final String CURSOR = "timer_cursor";
    private static final Duration STALE_CLAIM = Duration.ofSeconds(60);
    private static final long LOOK_BACK = 5;
    private static final long MAX_CATCH_UP = Duration.ofDays(2).toSeconds();

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher local;
    private final String instance = UUID.randomUUID().toString();
    private final int parallelism;
    private final int batch;
    private long next;

    TimerSweeper(MongoTemplate mongo, ApplicationEventPublisher local,
                 @Value("${omni.timers.parallelism:1}") int parallelism, @Value("${omni.timers.batch:1}") int batch) {
        this.mongo = mongo;
        this.local = local;
        this.parallelism = parallelism;
        this.batch = batch;
        // the claim is a compare-and-set on {_id, owner}: the embedded store indexes only that exact key set
        mongo.indexOps(Timers.COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("owner", Sort.Direction.ASC).unique().named("id_owner"));
        Document cursor = mongo.findById(CURSOR, Document.class, CURSOR);
        long now = Instant.now().getEpochSecond();
        this.next = cursor == null ? now - 5 : Math.max(cursor.getLong("next"), now - MAX_CATCH_UP);
    }

    @Scheduled(fixedDelayString = "${omni.timers.sweep-interval:PT0.25S}")
    void sweep() {
        long now = Instant.now().getEpochSecond();
        for (long second : unclaimed(next - LOOK_BACK, now)) { // the last seconds again: late adds, clock skew
            fire(second, null);
        }
        if (now > next) { // a write per second, not per sweep
            next = now;
            mongo.upsert(query(where("_id").is(CURSOR)), new Update().max("next", next), CURSOR);
        }
    }

    /** The seconds in [from, to) whose bucket exists unclaimed: one read, instead of a claim attempt per second. */
    private List<Long> unclaimed(long from, long to) {
        List<String> ids = new ArrayList<>();
        for (long second = from; second < to; second++) {
            ids.add(Timers.bucket(second));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        var open = query(where("_id").in(ids).and("owner").is(null));
        open.fields().include("_id");
        return mongo.find(open, Document.class, Timers.COLLECTION).stream()
                .map(d -> Long.parseLong(d.getString("_id").substring(2))).sorted().toList();
    }

    /** Buckets claimed by an instance that died before finishing them. */
    @Scheduled(fixedDelayString = "${omni.timers.stale-check:PT1M}")
    void takeOverStaleClaims() {
        Instant before = Instant.now().minus(STALE_CLAIM);
        for (Document stale : mongo.find(query(where("claimedAt").lt(before)), Document.class, Timers.COLLECTION)) {
            String id = stale.getString("_id");
            fire(Long.parseLong(id.substring(2)), stale.getString("owner"));
        }
    }

    private void fire(long second, String staleOwner) {
        String id = Timers.bucket(second);
        Document claimed = mongo.findAndModify(query(where("_id").is(id).and("owner").is(staleOwner)),
                new Update().set("owner", instance).set("claimedAt", Instant.now()),
                FindAndModifyOptions.options().returnNew(true), Document.class, Timers.COLLECTION);
        if (claimed == null) {
            return; // no timer in that second, or another instance has it
        }
        List<Object> due = events(claimed.getList("due", Document.class, List.of()));
        if (!(parallelism > 1 ? fireTogether(due) : fireInTurn(due))) {
            return; // retried when the claim goes stale (each timer carries its token: a repeat is ignored)
        }
        mongo.remove(query(where("_id").is(id)), Timers.COLLECTION);
    }

    /** A {@link TimerDue} per timer, or {@link TimersDue} of up to {@code omni.timers.batch} each. */
    private List<Object> events(List<Document> timers) {
        List<TimerDue> due = timers.stream().map(t -> new TimerDue(t.getString("e"), t.getString("t"))).toList();
        if (batch <= 1) {
            return List.copyOf(due);
        }
        List<Object> batches = new ArrayList<>();
        for (int from = 0; from < due.size(); from += batch) {
            batches.add(new TimersDue(due.subList(from, Math.min(due.size(), from + batch))));
        }
        return batches;
    }

    private boolean fireInTurn(List<Object> due) {
        for (Object timer : due) {
            if (!fireOne(timer)) {
                return false;
            }
        }
        return true;
    }

    /** {@code omni.timers.parallelism} > 1: a second's timers (or batches) fire that many at a time. */
    private boolean fireTogether(List<Object> due) {
        Semaphore slots = new Semaphore(parallelism);
        List<Future<Boolean>> fired = new ArrayList<>(due.size());
        try (var each = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Object timer : due) {
                fired.add(each.submit(() -> {
                    slots.acquire();
                    try {
                        return fireOne(timer);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        return fired.stream().allMatch(f -> f.state() == Future.State.SUCCESS && f.resultNow());
    }

    private boolean fireOne(Object due) {
        try {
            local.publishEvent(due);
            return true;
        } catch (RuntimeException e) {
            log.warn("{} failed; it is retried when the claim goes stale", due, e);
            return false;
        }
    }
}
