package com.omnicanal.profile.timeline;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.omnicanal.support.batch.RawDocuments;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Appends entries to monthly buckets and reads them back newest first, filtered and paginated. */
@Service
class Timeline {

    private static final int MAX_MONTHS_BACK = 120;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

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
     * upserts, written as plain documents (the mapping was most of its cost): one round trip for a run of events.
     */
    void appendAll(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        mongo.execute(TimelineBucket.COLLECTION, c -> c.bulkWrite(appends.stream()
                .map(append -> upsert(append, c.getCodecRegistry())).toList(), UNORDERED));
    }

    private static UpdateOneModel<Document> upsert(Append append, CodecRegistry registry) {
        String month = YearMonth.from(append.entry().at().atZone(ZoneOffset.UTC)).toString();
        Document update = new Document("$setOnInsert", new Document("profileId", append.profileId()).append("month", month))
                .append("$addToSet", new Document("entries", append.entry().document()));
        return new UpdateOneModel<>(new Document("_id", append.profileId() + ":" + month),
                RawDocuments.of(update, registry), UPSERT);
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
