package com.omnicanal.profile.timeline;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Appends entries to monthly buckets and reads them back newest first, filtered and paginated. */
@Service
class Timeline {

    private static final int MAX_MONTHS_BACK = 120;

    private final MongoTemplate mongo;

    Timeline(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An entry for a profile's timeline. */
    record Append(String profileId, TimelineEntry entry) {
    }

    /**
     * Appends once however often an event is delivered: an entry is a pure function of its event, so adding it to the
     * bucket's set is a no-op the second time (and the lookup stays a read by {@code _id}). One unordered bulk of
     * upserts: one round trip for a run of events.
     */
    void appendAll(List<Append> appends) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TimelineBucket.class);
        for (Append append : appends) {
            String month = YearMonth.from(append.entry().at().atZone(ZoneOffset.UTC)).toString();
            bulk.upsert(query(where("_id").is(append.profileId() + ":" + month)), new Update()
                    .setOnInsert("profileId", append.profileId()).setOnInsert("month", month)
                    .addToSet("entries", append.entry()));
        }
        bulk.execute();
    }

    /** Entries of these profiles before {@code before}, newest first, at most {@code limit}. */
    List<TimelineEntry> read(List<String> profileIds, Predicate<TimelineEntry> filter, Instant before, Instant since,
                             int limit) {
        List<TimelineEntry> found = new ArrayList<>();
        YearMonth month = YearMonth.from(before.atZone(ZoneOffset.UTC));
        YearMonth oldest = YearMonth.from(since.atZone(ZoneOffset.UTC));
        for (int i = 0; i < MAX_MONTHS_BACK && !month.isBefore(oldest) && found.size() < limit; i++, month = month.minusMonths(1)) {
            for (String profileId : profileIds) {
                bucket(profileId, month).ifPresent(b -> b.entries().stream()
                        .filter(e -> e.at().isBefore(before) && !e.at().isBefore(since)).filter(filter)
                        .forEach(found::add));
            }
        }
        return found.stream().sorted(Comparator.comparing(TimelineEntry::at).reversed()).limit(limit).toList();
    }

    private Optional<TimelineBucket> bucket(String profileId, YearMonth month) {
        return Optional.ofNullable(mongo.findById(profileId + ":" + month, TimelineBucket.class));
    }
}
