package com.omnicanal.feedback.loop;

import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Loop counters per slice and detractor day, read by {@code _id} like the survey results. */
@Component
class LoopStats {

    private static final String COLLECTION = "loop_stats";

    private final MongoTemplate mongo;

    LoopStats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Detractors, cases opened, first contacts and closes (with the mean time to each), re-surveys, recoveries. */
    record Summary(String dimension, LocalDate from, LocalDate to, long detractors, long casesOpened, long contacted,
                   Double meanMinutesToFirstContact, long closed, Double meanHoursToClose, long resurveyed,
                   long recovered, Double recoveryRate) {
    }

    void add(List<String> dimensions, Instant detractorAt, Update increments) {
        for (String dimension : dimensions) {
            mongo.upsert(query(where("_id").is(dimension + "|" + Loop.day(detractorAt))), increments, COLLECTION);
        }
    }

    Summary summary(String dimension, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(dimension + "|" + d);
        }
        long[] t = new long[9];
        String[] fields = {"detractors", "opened", "contacted", "contactSeconds", "closed", "closeSeconds", "resurveyed",
                "recovered"};
        for (Document day : ByIds.find(mongo, ids, Document.class, COLLECTION)) {
            for (int i = 0; i < fields.length; i++) {
                Object v = day.get(fields[i]);
                t[i] += v == null ? 0 : ((Number) v).longValue();
            }
        }
        return new Summary(dimension, from, to, t[0], t[1], t[2], t[2] == 0 ? null : round(t[3] / 60.0 / t[2]), t[4],
                t[4] == 0 ? null : round(t[5] / 3600.0 / t[4]), t[6], t[7], t[6] == 0 ? null : round(100.0 * t[7] / t[6]));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
