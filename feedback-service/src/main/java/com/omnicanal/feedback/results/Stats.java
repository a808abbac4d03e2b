package com.omnicanal.feedback.results;

import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Pre-aggregated results: one counter document per survey, dimension (all, channel:x, agent:y) and day, updated as
 * invitations go and answers come; a summary over a period reads one document per day by {@code _id}, never responses.
 */
@Component
public class Stats {

    static final String COLLECTION = "survey_stats";

    private final MongoTemplate mongo;

    Stats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * NPS (promoters − detractors, %), CSAT (% satisfied), CES (mean), each with its count and 95 % margin; the funnel:
     * sent, opened, started (a partial answer saved) and completed.
     */
    public record Summary(String surveyId, String kind, String dimension, LocalDate from, LocalDate to, long sent,
                          long opened, long started, long completed, long responses, Double score, Double margin, Map<String, Long> distribution) {
    }

    public void count(String surveyId, List<String> dimensions, String counter, java.time.Instant at) {
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        for (String dimension : dimensions) {
            mongo.upsert(query(where("_id").is(key(surveyId, dimension, day))), new Update().inc(counter, 1), COLLECTION);
        }
    }

    /**
     * Applies a batch's increments in one unordered bulk of upserts by {@code _id} (the embedded store scans on any
     * other filter), each recording the batch's place in its writer's sequence ({@code seq.<writer>}): a writer
     * applies its batches in order, so recovery can tell which documents a dead writer's last batch reached.
     */
    public void apply(String writer, long seq, Tally tally) {
        if (tally.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        tally.updates().forEach((key, update) -> bulk.upsert(query(where("_id").is(key)), update.max("seq." + writer, seq)));
        bulk.execute();
    }

    /** A dead writer's batch, applied to the documents it had not reached yet (one recoverer per batch). */
    public void recover(String writer, long seq, Tally tally) {
        Map<String, Update> updates = tally.updates();
        for (Document done : ByIds.find(mongo, updates.keySet(), Document.class, COLLECTION)) {
            Document marks = done.get("seq", Document.class);
            Object reached = marks == null ? null : marks.get(writer);
            if (reached != null && ((Number) reached).longValue() >= seq) {
                updates.remove(done.getString("_id"));
            }
        }
        Tally rest = Tally.of(updates);
        apply(writer, seq, rest);
    }

    public Summary summary(String surveyId, String kind, String dimension, LocalDate from, LocalDate to) {
        return fold(surveyId, kind, dimension, from, to, days(surveyId, dimension, from, to).values());
    }

    /** One summary per day of the period (days without answers included), for trend charts. */
    public List<Summary> series(String surveyId, String kind, String dimension, LocalDate from, LocalDate to) {
        Map<String, Document> days = days(surveyId, dimension, from, to);
        List<Summary> series = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Document day = days.get(key(surveyId, dimension, d.toString()));
            series.add(fold(surveyId, kind, dimension, d, d, day == null ? List.of() : List.of(day)));
        }
        return series;
    }

    /** The counter documents of the period, read by {@code _id} (one per day). */
    private Map<String, Document> days(String surveyId, String dimension, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(key(surveyId, dimension, d.toString()));
        }
        Map<String, Document> days = new java.util.HashMap<>();
        ByIds.find(mongo, ids, Document.class, COLLECTION).forEach(d -> days.put(d.getString("_id"), d));
        return days;
    }

    private static Summary fold(String surveyId, String kind, String dimension, LocalDate from, LocalDate to,
                                java.util.Collection<Document> days) {
        long sent = 0;
        long opened = 0;
        long started = 0;
        long completed = 0;
        long responses = 0;
        long sum = 0;
        Map<String, Long> hist = new java.util.TreeMap<>();
        Map<String, Long> categories = new java.util.HashMap<>();
        for (Document day : days) {
            sent += number(day, "sent");
            opened += number(day, "opened");
            started += number(day, "started");
            completed += number(day, "completed");
            responses += number(day, "responses");
            sum += number(day, "sum");
            merge(hist, day.get("hist", Document.class));
            merge(categories, day.get("cat", Document.class));
        }
        double[] score = Scores.summarise(kind, responses, sum, categories);
        return new Summary(surveyId, kind, dimension, from, to, sent, opened, started, completed,
                responses,
                responses == 0 ? null : score[0], responses == 0 ? null : score[1], hist);
    }

    private static void merge(Map<String, Long> into, Document counts) {
        if (counts != null) {
            counts.forEach((k, v) -> into.merge(k, ((Number) v).longValue(), Long::sum));
        }
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static String key(String surveyId, String dimension, String day) {
        return surveyId + "|" + dimension + "|" + day;
    }
}
