package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.events.campaign.Enrolled;
import com.omnicanal.support.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The enrolment store: entering a journey under its re-entry rule (the enrolment id is derived from the trigger, so
 * a redelivered trigger enrols once), reads by {@code _id}, and compare-and-set changes that carry their events.
 */
@Component
class Enrollments {

    static final String KEYS = "enrollment_keys";
    static final String BY_PROFILE = "profile_enrollments";

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Measurements measurements;

    Enrollments(MongoTemplate mongo, EventOutbox outbox, Measurements measurements) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.measurements = measurements;
        // changes are compare-and-set on {_id, revision}: the embedded store indexes only that exact key set
        mongo.indexOps(Enrollment.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("revision", Sort.Direction.ASC).unique().named("id_revision"));
    }

    /** The new enrolment, or empty when the re-entry rule (or a repeated trigger) says no. */
    Optional<Enrollment> enroll(Journey journey, JourneyDefinition d, String profileId, String triggerId,
                                Map<String, Object> context, String source, Instant now) {
        String key = journey.id() + ":" + profileId;
        Document previous = mongo.findById(key, Document.class, KEYS);
        if (previous != null && !reentryAllows(d.reentry(), previous.getDate("last").toInstant(), now)) {
            return Optional.empty();
        }
        String id = idFor(journey.id(), profileId, triggerId);
        Enrollment e = new Enrollment(id, journey.id(), journey.activeVersion(), profileId, "active", 0, 0, 0, List.of(),
                null, null, null, false, null, context, source, List.of(new Enrollment.Entry(now, null, null, "enrolled",
                "by " + source + " into version " + journey.activeVersion())), 0, now, null, null, null, null, null);
        try {
            outbox.publish(Enrollment.COLLECTION, id, new Enrolled(profileId, id, journey.id(), journey.activeVersion(),
                    source, now), pending -> mongo.insert(withMarks(e, pending)));
        } catch (DuplicateKeyException sameTrigger) {
            return Optional.empty();
        }
        measurements.enrolled(journey.id());
        mongo.upsert(query(where("_id").is(key)), new Update().set("last", now).set("enrollmentId", id), KEYS);
        mongo.upsert(query(where("_id").is(profileId)), new Update().addToSet("ids", id), BY_PROFILE);
        return Optional.of(e);
    }

    /** The enrolment a trigger makes: derived from it, so the same trigger can only ever make the same one. */
    static String idFor(String journeyId, String profileId, String triggerId) {
        return UUID.nameUUIDFromBytes((journeyId + ":" + profileId + ":" + triggerId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static boolean reentryAllows(JourneyDefinition.Reentry rule, Instant last, Instant now) {
        String mode = rule == null ? "once" : rule.mode();
        return switch (mode) {
            case "every-time" -> true;
            case "once-per" -> last.isBefore(now.minus(Duration.ofDays(rule.days())));
            default -> false;
        };
    }

    Optional<Enrollment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Enrollment.class));
    }

    /** The enrolments a profile is or was in (by profile id: no scan). */
    List<Enrollment> ofProfile(String profileId) {
        Document ids = mongo.findById(profileId, Document.class, BY_PROFILE);
        if (ids == null) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids.getList("ids", String.class))), Enrollment.class);
    }

    /** Applies a change if nobody changed the enrolment since it was read; false otherwise. */
    boolean change(Enrollment read, Update update, List<Enrollment.Entry> entries, List<? extends IntegrationEvent> events) {
        update.inc("revision", 1);
        if (!entries.isEmpty()) {
            update.push("history").each(entries.toArray());
        }
        Boolean changed = outbox.publish(Enrollment.COLLECTION, read.id(), events, pending -> mongo.updateFirst(
                query(where("_id").is(read.id()).and("revision").is(read.revision())), pending.mark(update),
                Enrollment.class).getModifiedCount() == 1 ? true : null);
        return changed != null;
    }

    /** Adds a history entry, re-reading while someone else changes the enrolment meanwhile. */
    void note(String id, Enrollment.Entry entry) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Enrollment e = find(id).orElse(null);
            if (e == null || change(e, new Update(), List.of(entry), List.of())) {
                return;
            }
        }
    }

    void forget(String profileId) {
        mongo.remove(query(where("profileId").is(profileId)), Enrollment.class);
        mongo.remove(query(where("_id").is(profileId)), BY_PROFILE);
        mongo.remove(query(where("_id").regex("^.*:" + java.util.regex.Pattern.quote(profileId) + "$")), KEYS);
    }

    private static Enrollment withMarks(Enrollment e, com.omnicanal.support.outbox.PendingEvents pending) {
        return new Enrollment(e.id(), e.journeyId(), e.version(), e.profileId(), e.state(), e.phase(), e.step(),
                e.attempt(), e.excluded(), e.timerToken(), e.wakeAt(), e.waitingFor(), e.retryStep(), e.lastSend(), e.context(),
                e.source(), e.history(), e.revision(), e.enrolledAt(), e.endedAt(), e.endReason(), e.variant(), e.disposition(),
                pending.ids());
    }
}
