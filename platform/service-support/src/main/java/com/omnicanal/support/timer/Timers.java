package com.omnicanal.support.timer;

import com.omnicanal.support.batch.GroupCommit;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Schedules work for a time: the entry goes into the bucket document of its second ({@code _id} {@code s:<epoch
 * second>}), so finding what is due is a read by {@code _id} per second, never a scan or a TTL index. Timers scheduled
 * at the same time by concurrent callers (a broadcast's members reaching a wait) go in one write per second.
 */
public class Timers implements AutoCloseable {

    static final String COLLECTION = "timer_buckets";

    private record Timer(String subject, String token, long second) {
    }

    private final MongoTemplate mongo;
    private final GroupCommit<Timer, Boolean> schedules;

    Timers(MongoTemplate mongo) {
        this.mongo = mongo;
        this.schedules = new GroupCommit<>("timer-schedules", 1, 1_000, this::writeAll);
    }

    /** Fires {@link TimerDue} for {@code subject} with {@code token} at (or just after) {@code at}. */
    public void schedule(String subject, String token, Instant at) {
        schedules.submit(new Timer(subject, token, second(at)));
    }

    /** {@link #schedule} for many tokens due at the same time: one write instead of one per token. */
    public void scheduleAll(String subject, Collection<String> tokens, Instant at) {
        if (tokens.isEmpty()) {
            return;
        }
        mongo.upsert(query(where("_id").is(bucket(second(at)))), add(tokens.stream()
                .map(token -> entry(subject, token)).toList()), COLLECTION);
    }

    /** The timers that queued up together: one upsert per second they are due in, in one unordered bulk. */
    private List<Boolean> writeAll(List<Timer> timers) {
        Map<Long, List<Document>> bySecond = new TreeMap<>();
        timers.forEach(t -> bySecond.computeIfAbsent(t.second(), s -> new ArrayList<>())
                .add(entry(t.subject(), t.token())));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        bySecond.forEach((second, entries) -> bulk.upsert(query(where("_id").is(bucket(second))), add(entries)));
        bulk.execute();
        return Collections.nCopies(timers.size(), true);
    }

    private static long second(Instant at) {
        return Math.max(at.getEpochSecond(), Instant.now().getEpochSecond() + 1); // never a second already swept
    }

    private static Document entry(String subject, String token) {
        return new Document("e", subject).append("t", token);
    }

    private static Update add(List<Document> entries) {
        return new Update().addToSet("due").each(entries.toArray());
    }

    static String bucket(long second) {
        return "s:" + second;
    }

    @Override
    public void close() {
        schedules.close();
    }
}
