package com.omnicanal.campaign.enrollment;

import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Who waits for what, by key (read by {@code _id} when the event comes, never a scan): enrolments awaiting an
 * activity of a profile ({@code <profile>:<activity type>}), and enrolments held until a profile's complaints clear.
 */
@Component
class Waits {

    private static final String ACTIVITY = "activity_waits";
    private static final String HELD = "held_enrollments";

    private final MongoTemplate mongo;

    Waits(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void awaitActivity(String profileId, String activityType, String enrollmentId) {
        mongo.upsert(query(where("_id").is(profileId + ":" + activityType)), new Update().addToSet("ids", enrollmentId),
                ACTIVITY);
    }

    void stopAwaiting(String profileId, String activityType, String enrollmentId) {
        mongo.updateFirst(query(where("_id").is(profileId + ":" + activityType)), new Update().pull("ids", enrollmentId),
                ACTIVITY);
    }

    List<String> awaiting(String profileId, String activityType) {
        return ids(mongo.findAndRemove(query(where("_id").is(profileId + ":" + activityType)), Document.class, ACTIVITY));
    }

    /**
     * {@link #awaiting} for many profiles' activities at once ({@code profileId → activity type}): one read finds the
     * few keys anyone waits on, and only those are taken.
     */
    Map<String, List<String>> awaitingAny(Map<String, String> activities) {
        Map<String, String> profileOf = new HashMap<>();
        activities.forEach((profileId, type) -> profileOf.put(profileId + ":" + type, profileId));
        Map<String, List<String>> woken = new HashMap<>();
        for (Document key : ByIds.find(mongo, profileOf.keySet(), Waits::idOnly, Document.class, ACTIVITY)) {
            String profileId = profileOf.get(key.getString("_id"));
            woken.put(profileId, awaiting(profileId, activities.get(profileId)));
        }
        return woken;
    }

    private static Query idOnly(Query query) {
        query.fields().include("_id");
        return query;
    }

    void holdUntilComplaintsClear(String profileId, String enrollmentId) {
        mongo.upsert(query(where("_id").is(profileId)), new Update().addToSet("ids", enrollmentId), HELD);
    }

    List<String> held(String profileId) {
        return ids(mongo.findAndRemove(query(where("_id").is(profileId)), Document.class, HELD));
    }

    void forget(String profileId) {
        mongo.remove(query(where("_id").is(profileId)), HELD);
        mongo.remove(query(where("_id").regex("^" + java.util.regex.Pattern.quote(profileId) + ":")), ACTIVITY);
    }

    private static List<String> ids(Document d) {
        return d == null ? List.of() : d.getList("ids", String.class, List.of());
    }
}
