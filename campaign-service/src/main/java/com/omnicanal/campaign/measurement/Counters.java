package com.omnicanal.campaign.measurement;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Live counters, kept as they happen (an atomic {@code $inc} on the journey's document, read by {@code _id}; facts
 * counted at the same time share one), never recomputed by scanning: the same fact counts for the journey, its phase,
 * step, channel and variant at once.
 */
@Component
public class Counters {

    static final String COLLECTION = "journey_counters";

    private final MongoTemplate mongo;
    private final CounterIncrements increments;

    Counters(MongoTemplate mongo, CounterIncrements increments) {
        this.mongo = mongo;
        this.increments = increments;
    }

    /** Where a fact happened; any part may be null (an enrolment has no step, a hold no channel). */
    public record At(String journeyId, String phase, String step, String channel, String variant) {
    }

    public void count(At at, String metric) {
        add(at, metric, 1);
    }

    public void count(At at, String metric, long amount) {
        add(at, metric, amount);
    }

    /** A customer entered a variant: only that variant's denominator (the journey counted them when they enrolled). */
    public void entered(String journeyId, String variant) {
        increments.add(journeyId, new Update().inc("variants." + key(variant) + ".enrolled", 1));
    }

    /** Revenue is kept in cents so that increments stay exact. */
    public void revenue(At at, double amount) {
        add(at, "revenueCents", Math.round(amount * 100));
    }

    public void suppressed(At at, String reason) {
        Update update = increments(at, "suppressed", 1);
        update.inc("suppressedBy." + key(reason), 1);
        increments.add(at.journeyId(), update);
    }

    private void add(At at, String metric, long amount) {
        increments.add(at.journeyId(), increments(at, metric, amount));
    }

    private static Update increments(At at, String metric, long amount) {
        Update update = new Update().inc("total." + metric, amount);
        inc(update, "phases", at.phase(), metric, amount);
        inc(update, "steps", at.step(), metric, amount);
        inc(update, "channels", at.channel(), metric, amount);
        inc(update, "variants", at.variant(), metric, amount);
        return update;
    }

    private static void inc(Update update, String dimension, String value, String metric, long amount) {
        if (value != null) {
            update.inc(dimension + "." + key(value) + "." + metric, amount);
        }
    }

    /** Field names may hold neither dots nor a leading dollar. */
    private static String key(String value) {
        return value.replace('.', '_').replace('$', '_');
    }

    Optional<Document> of(String journeyId) {
        return Optional.ofNullable(mongo.findById(journeyId, Document.class, COLLECTION));
    }
}
