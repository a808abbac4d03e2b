package com.omnicanal.feedback.response;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Which answers a batch is writing, noted before the write and removed once they are counted: what a crash leaves
 * here is counted again by recovery (the counters' per-writer sequence guard keeps that from counting twice).
 */
@Component
class AnswerJournal {

    static final String COLLECTION = "answer_batches";

    private final MongoTemplate mongo;

    AnswerJournal(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Entry(String id, String writer, long seq, List<String> responses) {
    }

    void open(Entry entry) {
        mongo.insert(new Document("_id", entry.id()).append("writer", entry.writer()).append("seq", entry.seq())
                .append("responses", entry.responses()).append("at", new Date()), COLLECTION);
    }

    void close(String id) {
        mongo.remove(query(where("_id").is(id)), COLLECTION);
    }

    /** Compare-and-set on the claim (absent, or left by a recoverer that died); the collection stays small. */
    boolean claim(String id) {
        return mongo.updateFirst(query(where("_id").is(id).orOperator(where("claimedAt").is(null),
                        where("claimedAt").lt(Date.from(Instant.now().minus(Duration.ofMinutes(5)))))),
                new org.springframework.data.mongodb.core.query.Update().set("claimedAt", new Date()), COLLECTION)
                .getModifiedCount() == 1;
    }

    /** Batches left behind longer than {@code age}: their writer died before counting them (a small collection). */
    List<Entry> abandoned(Duration age) {
        return mongo.find(query(where("at").lt(Date.from(Instant.now().minus(age)))), Document.class, COLLECTION)
                .stream().map(d -> new Entry(d.getString("_id"), d.getString("writer"), d.getLong("seq"),
                        d.getList("responses", String.class))).toList();
    }
}
