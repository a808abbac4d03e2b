package com.omnicanal.feedback.results;

import org.bson.Document;
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

    /** NPS (promoters − detractors, %), CSAT (% satisfied), CES (mean), each with its count and 95 % margin. */
    public record Summary(String surveyId, String kind, String dimension, LocalDate from, LocalDate to, long sent,
                          long opened, long responses, Double score, Double margin, Map<String, Long> distribution) {
    }

    public void count(String surveyId, List<String> dimensions, String counter, java.time.Instant at) {
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        for (String dimension : dimensions) {
            mongo.upsert(query(where("_id").is(key(surveyId, dimension, day))), new Update().inc(counter, 1), COLLECTION);
        }
    }

    public void answer(String surveyId, List<String> dimensions, int score, String category, java.time.Instant at) {
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        for (String dimension : dimensions) {
            mongo.upsert(query(where("_id").is(key(surveyId, dimension, day))), new Update().inc("responses", 1)
                    .inc("sum", score).inc("hist." + score, 1).inc("cat." + category, 1), COLLECTION);
        }
    }

    public Summary summary(String surveyId, String kind, String dimension, LocalDate from, LocalDate to) {
        long sent = 0;
        long opened = 0;
        long responses = 0;
        long sum = 0;
        Map<String, Long> hist = new java.util.TreeMap<>();
        Map<String, Long> categories = new java.util.HashMap<>();
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(key(surveyId, dimension, d.toString()));
        }
        for (Document day : mongo.find(query(where("_id").in(ids)), Document.class, COLLECTION)) {
            sent += number(day, "sent");
            opened += number(day, "opened");
            responses += number(day, "responses");
            sum += number(day, "sum");
            merge(hist, day.get("hist", Document.class));
            merge(categories, day.get("cat", Document.class));
        }
        double[] score = Scores.summarise(kind, responses, sum, categories);
        return new Summary(surveyId, kind, dimension, from, to, sent, opened, responses,
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

    private static String key(String surveyId, String dimension, String day) {
        return surveyId + "|" + dimension + "|" + day;
    }
}
