package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Many customers enrolled in one journey at once (a broadcast's chunk, or the triggers of a batch of events), under the
 * same re-entry rule and idempotency as one enrolment: the customers' last entries read with one {@code $in}; the
 * enrolments (ids derived from their triggers) are stored by their first runs ({@link Enrollments#walkNew}); then one
 * counter increment and one bulk for the customers' entries ({@link Entries}). A duplicate (a resumed broadcast, a
 * redelivered trigger) is reported, not fatal.
 */
@Component
class BulkEnrollments {

    private final MongoTemplate mongo;
    private final Entries entries;
    private final Measurements measurements;

    BulkEnrollments(MongoTemplate mongo, Entries entries, Measurements measurements) {
        this.mongo = mongo;
        this.entries = entries;
        this.measurements = measurements;
    }

    /** Who is to enter, by what (the enrolment's id derives from it), with which variables, as the history tells. */
    record Candidate(String profileId, String triggerId, Map<String, Object> context, String source) {
    }

    /** Enrolments the re-entry rule lets in, not stored yet (their first runs store them), one per customer. */
    List<Enrollment> admit(Journey journey, JourneyDefinition d, List<Candidate> candidates, Instant now) {
        Map<String, Candidate> members = distinct(candidates);
        Map<String, Instant> last = entries.last(journey.id(), members.keySet());
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
     * After the first runs stored the {@code created} ones: the counter, then the customers' entries of those and of the
     * candidates their trigger had enrolled already (a resumed broadcast, whose entries a crash may have kept from being
     * written); how many those earlier ones are.
     */
    int created(Journey journey, JourneyDefinition d, List<Candidate> candidates, List<Enrollment> created, Instant now) {
        if (!created.isEmpty()) {
            measurements.enrolled(journey.id(), created.size());
        }
        Map<String, String> earlier = earlier(d, journey.id(), distinct(candidates).values(), created);
        Map<String, String> enrolled = new LinkedHashMap<>(earlier);
        created.forEach(e -> enrolled.put(e.profileId(), e.id()));
        if (!enrolled.isEmpty()) {
            entries.entered(journey.id(), enrolled, now);
        }
        return earlier.size();
    }

    private static Map<String, Candidate> distinct(List<Candidate> candidates) {
        Map<String, Candidate> members = new LinkedHashMap<>();
        candidates.forEach(c -> members.putIfAbsent(c.profileId(), c));
        return members;
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
