package com.omnicanal.support.timer;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Schedules work for a time: the entry goes into the bucket document of its second ({@code _id} {@code s:<epoch
 * second>}), so finding what is due is a read by {@code _id} per second, never a scan or a TTL index.
 */
public class Timers {

    static final String COLLECTION = "timer_buckets";

    private final MongoTemplate mongo;

    Timers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Fires {@link TimerDue} for {@code subject} with {@code token} at (or just after) {@code at}. */
    public void schedule(String subject, String token, Instant at) {
        scheduleAll(subject, List.of(token), at);
    }

    /** {@link #schedule} for many tokens due at the same time: one write instead of one per token. */
    public void scheduleAll(String subject, Collection<String> tokens, Instant at) {
        if (tokens.isEmpty()) {
            return;
        }
        long second = Math.max(at.getEpochSecond(), Instant.now().getEpochSecond() + 1); // never a second already swept
        mongo.upsert(query(where("_id").is(bucket(second))), new Update().addToSet("due").each(tokens.stream()
                .map(token -> new Document("e", subject).append("t", token)).toArray()), COLLECTION);
    }

    static String bucket(long second) {
        return "s:" + second;
    }
}
