package com.omnicanal.campaign.measurement;

import com.omnicanal.support.batch.GroupCommit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Counter increments submitted at the same time (a broadcast's members all count on their journey's one document) are
 * summed per journey and written as one {@code $inc} upsert each, in one bulk; the caller waits for its write. A
 * failed round loses its counts and is not retried, so a count is never doubled (as with any counter write here).
 */
@Component
class CounterIncrements implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CounterIncrements.class);

    private record Increment(String journeyId, Document fields) {
    }

    private final MongoTemplate mongo;
    private final GroupCommit<Increment, Boolean> commits;

    CounterIncrements(MongoTemplate mongo) {
        this.mongo = mongo;
        this.commits = new GroupCommit<>("counter-commit", 2, 1000, this::write);
    }

    /** Applies an update made only of {@code $inc} to the journey's counters document. */
    void add(String journeyId, Update increments) {
        commits.submit(new Increment(journeyId, increments.getUpdateObject().get("$inc", Document.class)));
    }

    private List<Boolean> write(List<Increment> increments) {
        Map<String, Map<String, Long>> sums = new LinkedHashMap<>();
        for (Increment i : increments) {
            Map<String, Long> sum = sums.computeIfAbsent(i.journeyId(), id -> new LinkedHashMap<>());
            i.fields().forEach((field, amount) -> sum.merge(field, ((Number) amount).longValue(), Long::sum));
        }
        try {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Counters.COLLECTION);
            sums.forEach((journeyId, sum) -> {
                Update update = new Update();
                sum.forEach(update::inc);
                bulk.upsert(query(where("_id").is(journeyId)), update);
            });
            bulk.execute();
        } catch (RuntimeException e) { // lost, never doubled: a retry could apply what already landed
            log.warn("{} counter increments lost: {}", increments.size(), e.toString());
        }
        return new ArrayList<>(Collections.nCopies(increments.size(), Boolean.TRUE));
    }

    @Override
    public void close() {
        commits.close();
    }
}
