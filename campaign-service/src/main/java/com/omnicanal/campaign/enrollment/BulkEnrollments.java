package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.measurement.Measurements;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Many customers enrolled in one journey at once (a broadcast's chunk, or the triggers of a batch of events), under the
 * same re-entry rule and idempotency as one enrolment: the re-entry keys read with one {@code $in}; the enrolments (ids
 * derived from their triggers) are stored by their first runs ({@link Enrollments#walkNew}); then one counter increment
 * and one bulk each for the keys and the by-profile lists. A duplicate (a resumed broadcast, a redelivered trigger) is
 * reported, not fatal.
 */
@Component
class BulkEnrollments {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final Measurements measurements;

    BulkEnrollments(MongoTemplate mongo, Measurements measurements) {
        this.mongo = mongo;
        this.measurements = measurements;
    }

    /** Who is to enter, by what (the enrolment's id derives from it), with which variables, as the history tells. */
    record Candidate(String profileId, String triggerId, Map<String, Object> context, String source) {
    }

    /** Enrolments the re-entry rule lets in, not stored yet (their first runs store them), one per customer. */
    List<Enrollment> admit(Journey journey, JourneyDefinition d, List<Candidate> candidates, Instant now) {
        Map<String, Candidate> members = distinct(candidates);
        Map<String, Instant> last = lastEntries(journey.id(), members.keySet());
        List<Enrollment> allowed = new ArrayList<>();
        for (Candidate c : members.values()) {
            Instant previous = last.get(c.profileId());
            if (previous == null || Enrollments.reentryAllows(d.reentry(), previous, now)) {
                allowed.add(Enrollments.fresh(journey, Enrollments.idFor(d, journey.id(), c.profileId(), c.triggerId()),
                        c.profileId(), c.context(), c.source(), now));
            }
        }
        return allowed;
    }

    /**
     * After the first runs stored the {@code created} ones: the counter, then the re-entry keys and the by-profile lists
     * of those and of the candidates their trigger had enrolled already (a resumed broadcast, whose keys a crash may
     * have kept from being written); how many those earlier ones are.
     */
    int created(Journey journey, JourneyDefinition d, List<Candidate> candidates, List<Enrollment> created, Instant now) {
        if (!created.isEmpty()) {
            measurements.enrolled(journey.id(), created.size());
        }
        Map<String, String> earlier = earlier(d, journey.id(), distinct(candidates).values(), created);
        Map<String, String> enrolled = new LinkedHashMap<>(earlier);
        created.forEach(e -> enrolled.put(e.profileId(), e.id()));
        if (!enrolled.isEmpty()) {
            remember(journey.id(), enrolled, now);
        }
        return earlier.size();
    }

    private static Map<String, Candidate> distinct(List<Candidate> candidates) {
        Map<String, Candidate> members = new LinkedHashMap<>();
        candidates.forEach(c -> members.putIfAbsent(c.profileId(), c));
        return members;
    }

    /** Re-entry keys of the chunk: profile id → when they last entered this journey. */
    private Map<String, Instant> lastEntries(String journeyId, Set<String> members) {
        Map<String, Instant> last = new HashMap<>();
        List<String> keys = members.stream().map(p -> journeyId + ":" + p).toList();
        for (Document key : ByIds.find(mongo, keys, Document.class, Enrollments.KEYS)) {
            last.put(key.getString("_id").substring(journeyId.length() + 1), key.getDate("last").toInstant());
        }
        return last;
    }

    /** The re-entry keys and the by-profile lists of the new enrolments, one unordered bulk each (the driver's own
     * models: the template's update mapping per member was a twentieth of a broadcast's CPU here). */
    private void remember(String journeyId, Map<String, String> enrollmentByProfile, Instant now) {
        List<UpdateOneModel<Document>> keys = new ArrayList<>(enrollmentByProfile.size());
        List<UpdateOneModel<Document>> byProfile = new ArrayList<>(enrollmentByProfile.size());
        Date at = Date.from(now);
        enrollmentByProfile.forEach((profileId, id) -> {
            keys.add(new UpdateOneModel<>(Filters.eq("_id", journeyId + ":" + profileId),
                    Updates.combine(Updates.set("last", at), Updates.set("enrollmentId", id)), UPSERT));
            byProfile.add(new UpdateOneModel<>(Filters.eq("_id", profileId), Updates.addToSet("ids", id), UPSERT));
        });
        mongo.getCollection(Enrollments.KEYS).bulkWrite(keys, UNORDERED);
        mongo.getCollection(Enrollments.BY_PROFILE).bulkWrite(byProfile, UNORDERED);
    }

    /** Candidates not enrolled now whose enrolment by this same trigger exists already: profile id → enrolment id. */
    private Map<String, String> earlier(JourneyDefinition d, String journeyId, Collection<Candidate> members,
                                        List<Enrollment> created) {
        Set<String> now = new HashSet<>(created.stream().map(Enrollment::profileId).toList());
        Map<String, String> byId = new HashMap<>();
        members.stream().filter(c -> !now.contains(c.profileId())).forEach(c ->
                byId.put(Enrollments.idFor(d, journeyId, c.profileId(), c.triggerId()), c.profileId()));
        Map<String, String> found = new LinkedHashMap<>();
        ByIds.find(mongo, byId.keySet(), q -> {
            q.fields().include("_id");
            return q;
        }, Document.class, Enrollment.COLLECTION).forEach(e -> found.put(byId.get(e.getString("_id")), e.getString("_id")));
        return found;
    }
}
