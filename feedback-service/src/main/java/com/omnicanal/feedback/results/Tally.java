package com.omnicanal.feedback.results;

import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The counter increments of a batch of answers, summed per counter document (survey, dimension, day). */
public final class Tally {

    private final Map<String, Map<String, Long>> increments = new HashMap<>();
    private Map<String, Update> prepared;

    /** Increments already prepared (what recovery still has to apply). */
    static Tally of(Map<String, Update> updates) {
        Tally tally = new Tally();
        tally.prepared = updates;
        return tally;
    }

    /** One answer: completed, and when it has a score, its response count, sum, histogram and category. */
    public void answer(String surveyId, List<String> dimensions, Integer score, String category, Instant at) {
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        for (String dimension : dimensions) {
            Map<String, Long> counters = increments.computeIfAbsent(Stats.key(surveyId, dimension, day), k -> new HashMap<>());
            counters.merge("completed", 1L, Long::sum);
            if (score != null) {
                counters.merge("responses", 1L, Long::sum);
                counters.merge("sum", (long) score, Long::sum);
                counters.merge("hist." + score, 1L, Long::sum);
                counters.merge("cat." + category, 1L, Long::sum);
            }
        }
    }

    boolean isEmpty() {
        return prepared != null ? prepared.isEmpty() : increments.isEmpty();
    }

    Map<String, Update> updates() {
        if (prepared != null) {
            return prepared;
        }
        Map<String, Update> updates = new HashMap<>();
        increments.forEach((key, counters) -> {
            Update update = new Update();
            counters.forEach(update::inc);
            updates.put(key, update);
        });
        return updates;
    }
}
