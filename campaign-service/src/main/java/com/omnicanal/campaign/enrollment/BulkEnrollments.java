package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.outbox.EventOutbox;
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
import java.util.stream.IntStream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Many customers enrolled in one journey at once (a broadcast's chunk, or the triggers of a batch of events), under the
 * same re-entry rule and idempotency as one enrolment: the re-entry keys read with one {@code $in}, the enrolments (ids
 * derived from their triggers) in one unordered bulk insert whose events are staged as one outbox batch, one counter
 * increment, and one bulk each for the keys and the by-profile lists. A duplicate (a resumed broadcast, a redelivered
 * trigger) is reported, not fatal.
 */
@Component
class BulkEnrollments {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Measurements measurements;

    BulkEnrollments(MongoTemplate mongo, EventOutbox outbox, Measurements measurements) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.measurements = measurements;
    }

    /** Who is to enter, by what (the enrolment's id derives from it), with which variables, as the history tells. */
    record Candidate(String profileId, String triggerId, Map<String, Object> context, String source) {
    }

    /** The new enrolments, and how many candidates their trigger had enrolled already (a resumed broadcast). */
    record Outcome(List<Enrollment> created, int earlier) {
    }

    /** Enrols candidates of distinct customers; a customer's second candidate is ignored. */
    Outcome enroll(Journey journey, JourneyDefinition d, List<Candidate> candidates, Instant now) {
        Map<String, Candidate> members = new LinkedHashMap<>();
        candidates.forEach(c -> members.putIfAbsent(c.profileId(), c));
        Map<String, Instant> last = lastEntries(journey.id(), members.keySet());
        List<Enrollment> allowed = new ArrayList<>();
        for (Candidate c : members.values()) {
            Instant previous = last.get(c.profileId());
            if (previous == null || Enrollments.reentryAllows(d.reentry(), previous, now)) {
                allowed.add(Enrollments.fresh(journey, Enrollments.idFor(d, journey.id(), c.profileId(), c.triggerId()),
                        c.profileId(), c.context(), c.source(), now));
            }
        }
        List<Enrollment> created = insert(allowed);
        if (!created.isEmpty()) {
            measurements.enrolled(journey.id(), created.size());
            remember(journey.id(), created, now);
        }
        return new Outcome(created, earlier(d, journey.id(), members.values(), created));
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

    /** Inserts what it can, publishing the Enrolled event of each written one; the written ones. */
    private List<Enrollment> insert(List<Enrollment> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<EventOutbox.Keyed> events = candidates.stream()
                .map(e -> new EventOutbox.Keyed(e.id(), Enrollments.enrolled(e))).toList();
        Set<Integer> written = outbox.publishAll(Enrollment.COLLECTION, events, marks -> insertUnordered(
                IntStream.range(0, candidates.size()).mapToObj(i -> Enrollments.withMarks(candidates.get(i),
                        Set.of(marks.get(i)))).toList()));
        return IntStream.range(0, candidates.size()).filter(written::contains).mapToObj(candidates::get).toList();
    }

    private Set<Integer> insertUnordered(List<Enrollment> enrollments) {
        return BulkInserts.insertNew(mongo, Enrollment.class, enrollments); // a known id: recorded before
    }

    /** The re-entry keys and the by-profile lists of the new enrolments, one unordered bulk each (the driver's own
     * models: the template's update mapping per member was a twentieth of a broadcast's CPU here). */
    private void remember(String journeyId, List<Enrollment> created, Instant now) {
        List<UpdateOneModel<Document>> keys = new ArrayList<>(created.size());
        List<UpdateOneModel<Document>> byProfile = new ArrayList<>(created.size());
        Date at = Date.from(now);
        for (Enrollment e : created) {
            keys.add(new UpdateOneModel<>(Filters.eq("_id", journeyId + ":" + e.profileId()),
                    Updates.combine(Updates.set("last", at), Updates.set("enrollmentId", e.id())), UPSERT));
            byProfile.add(new UpdateOneModel<>(Filters.eq("_id", e.profileId()), Updates.addToSet("ids", e.id()), UPSERT));
        }
        mongo.getCollection(Enrollments.KEYS).bulkWrite(keys, UNORDERED);
        mongo.getCollection(Enrollments.BY_PROFILE).bulkWrite(byProfile, UNORDERED);
    }

    /** Candidates not enrolled now whose enrolment by this same trigger exists already. */
    private int earlier(JourneyDefinition d, String journeyId, Collection<Candidate> members, List<Enrollment> created) {
        Set<String> now = new HashSet<>(created.stream().map(Enrollment::profileId).toList());
        List<String> ids = members.stream().filter(c -> !now.contains(c.profileId()))
                .map(c -> Enrollments.idFor(d, journeyId, c.profileId(), c.triggerId())).toList();
        return (int) ByIds.sum(ids, chunk -> mongo.count(query(where("_id").in(chunk)), Enrollment.class));
    }
}
