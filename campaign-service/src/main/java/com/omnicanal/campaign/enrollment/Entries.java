package com.omnicanal.campaign.enrollment;

import com.omnicanal.support.batch.ByIds;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * When each customer last entered each journey (what the re-entry rule reads), kept on the customer's own document
 * beside the ids of their enrolments ({@code ids}, for the customer view): one write per enrolment, read by profile id.
 * Until session 17 the entries had a collection of their own, a document per journey and customer; those are still
 * read for customers not entered since, and erased with them.
 */
@Component
class Entries {

    static final String BY_PROFILE = "profile_enrollments";
    static final String LEGACY = "enrollment_keys";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final boolean legacy; // the old collection holds entries: looked at once, at start

    Entries(MongoTemplate mongo) {
        this.mongo = mongo;
        this.legacy = mongo.collectionExists(LEGACY) && mongo.getCollection(LEGACY).estimatedDocumentCount() > 0;
    }

    /** The field of a customer's document that says when they last entered the journey. */
    static String field(String journeyId) {
        return "entered:" + journeyId;
    }

    /** Profile id → when they last entered the journey, for those of {@code profileIds} who ever did. */
    Map<String, Instant> last(String journeyId, Collection<String> profileIds) {
        String field = field(journeyId);
        Map<String, Instant> last = new HashMap<>();
        ByIds.find(mongo, profileIds, q -> {
            q.fields().include(field);
            return q;
        }, Document.class, BY_PROFILE).forEach(d -> {
            if (d.getDate(field) != null) {
                last.put(d.getString("_id"), d.getDate(field).toInstant());
            }
        });
        if (legacy) {
            List<String> keys = profileIds.stream().filter(p -> !last.containsKey(p)).map(p -> journeyId + ":" + p).toList();
            ByIds.find(mongo, keys, Document.class, LEGACY).forEach(key -> last.put(
                    key.getString("_id").substring(journeyId.length() + 1), key.getDate("last").toInstant()));
        }
        return last;
    }

    /** The customers entered the journey now, each with their new enrolment: one unordered bulk. */
    void entered(String journeyId, Map<String, String> enrollmentByProfile, Instant now) {
        Date at = Date.from(now);
        List<UpdateOneModel<Document>> writes = new ArrayList<>(enrollmentByProfile.size());
        enrollmentByProfile.forEach((profileId, id) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", profileId),
                Updates.combine(Updates.set(field(journeyId), at), Updates.addToSet("ids", id)), UPSERT)));
        mongo.getCollection(BY_PROFILE).bulkWrite(writes, UNORDERED);
    }

    /** Ids of the customer's enrolments, now and before. */
    List<String> ids(Collection<String> profileIds) {
        return ByIds.find(mongo, profileIds, q -> {
            q.fields().include("ids");
            return q;
        }, Document.class, BY_PROFILE).stream().flatMap(d -> d.getList("ids", String.class, List.of()).stream()).toList();
    }

    void forget(String profileId) {
        mongo.remove(query(where("_id").is(profileId)), BY_PROFILE);
        if (legacy) { // a scan, only while entries from before are kept
            mongo.remove(query(where("_id").regex("^.*:" + java.util.regex.Pattern.quote(profileId) + "$")), LEGACY);
        }
    }
}
