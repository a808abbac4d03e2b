package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.events.campaign.Enrolled;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The enrolment store: entering a journey under its re-entry rule (the enrolment id is derived from the trigger, so
 * a redelivered trigger enrols once), reads by {@code _id}, and compare-and-set changes that carry their events.
 */
@Component
class Enrollments {

    private final MongoTemplate mongo;
    private final Entries entries;
    private final EventOutbox outbox;
    private final Measurements measurements;
    private final EnrollmentWrites writes;
    private final ThreadLocal<Draft> drafts = new ThreadLocal<>();

    Enrollments(MongoTemplate mongo, Entries entries, EventOutbox outbox, Measurements measurements,
                EnrollmentWrites writes) {
        this.mongo = mongo;
        this.entries = entries;
        this.writes = writes;
        this.outbox = outbox;
        this.measurements = measurements;
        // changes are compare-and-set on {_id, revision}: the embedded store indexes only that exact key set
        mongo.indexOps(Enrollment.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("revision", Sort.Direction.ASC).unique().named("id_revision"));
    }

    /** The new enrolment, or empty when the re-entry rule (or a repeated trigger) says no. */
    Optional<Enrollment> enroll(Journey journey, JourneyDefinition d, String profileId, String triggerId,
                                Map<String, Object> context, String source, Instant now) {
        Instant previous = entries.last(journey.id(), List.of(profileId)).get(profileId);
        if (previous != null && !reentryAllows(d.reentry(), previous, now)) {
            return Optional.empty();
        }
        String id = idFor(d, journey.id(), profileId, triggerId);
        Enrollment e = fresh(journey, id, profileId, context, source, now);
        try {
            outbox.publish(Enrollment.COLLECTION, id, enrolled(e), pending -> mongo.insert(withMarks(e, pending.ids())));
        } catch (DuplicateKeyException sameTrigger) {
            return Optional.empty();
        }
        measurements.enrolled(journey.id());
        entries.entered(journey.id(), Map.of(profileId, id), now);
        return Optional.of(e);
    }

    /** The enrolment a trigger makes: derived from it, so the same trigger can only ever make the same one. */
    /** A once-only journey's enrolment id names the customer alone: two triggers handled at the same time (by concurrent
     * consumers) collide on it, so the customer enters once; other journeys' ids name the trigger too. */
    static String idFor(JourneyDefinition d, String journeyId, String profileId, String triggerId) {
        String mode = d.reentry() == null ? "once" : d.reentry().mode();
        boolean again = "every-time".equals(mode) || "once-per".equals(mode);
        return idFor(journeyId, profileId, again ? triggerId : "once");
    }

    static String idFor(String journeyId, String profileId, String triggerId) {
        return UUID.nameUUIDFromBytes((journeyId + ":" + profileId + ":" + triggerId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A new enrolment at the journey's start, its history saying who enrolled it into which version. */
    static Enrollment fresh(Journey journey, String id, String profileId, Map<String, Object> context, String source,
                            Instant now) {
        return new Enrollment(id, journey.id(), journey.activeVersion(), profileId, "active", 0, 0, 0, List.of(),
                null, null, null, false, null, context, source, List.of(new Enrollment.Entry(now, null, null, "enrolled",
                "by " + source + " into version " + journey.activeVersion())), 0, now, null, null, null, null, null);
    }

    static Enrolled enrolled(Enrollment e) {
        return new Enrolled(e.profileId(), e.id(), e.journeyId(), e.version(), e.source(), e.enrolledAt());
    }

    static boolean reentryAllows(JourneyDefinition.Reentry rule, Instant last, Instant now) {
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

    /** Those of {@code ids} that exist, by id: one read per chunk. */
    Map<String, Enrollment> findAll(Collection<String> ids) {
        return ByIds.find(mongo, ids, Enrollment.class).stream()
                .collect(Collectors.toMap(Enrollment::id, e -> e));
    }

    /** The enrolments a profile is or was in (by profile id: no scan). */
    List<Enrollment> ofProfile(String profileId) {
        List<String> ids = entries.ids(List.of(profileId));
        return ids.isEmpty() ? List.of() : mongo.find(query(where("_id").in(ids)), Enrollment.class);
    }

    /** {@link #ofProfile} for many profiles: two reads for all of them; a profile with none is absent. */
    Map<String, List<Enrollment>> ofProfiles(Collection<String> profileIds) {
        return ByIds.find(mongo, entries.ids(profileIds), Enrollment.class).stream()
                .collect(Collectors.groupingBy(Enrollment::profileId));
    }

    /** Applies a change if nobody changed the enrolment since it was read; false otherwise. */
    boolean change(Enrollment read, Update update, List<Enrollment.Entry> entries, List<? extends IntegrationEvent> events) {
        return change(read, update, entries, events, null);
    }

    /**
     * {@link #change}, then {@code then} once the change is stored. Inside {@link #walk} the change joins the run's
     * draft (true at once) and is stored with the run's others.
     */
    boolean change(Enrollment read, Update update, List<Enrollment.Entry> entries, List<? extends IntegrationEvent> events,
                   Runnable then) {
        Draft draft = drafts.get();
        if (draft != null && draft.holds(read.id())) {
            draft.add(update, entries, events, then);
            return true;
        }
        boolean written = write(read, update, entries, events);
        if (written && then != null) {
            then.run();
        }
        return written;
    }

    /**
     * Runs {@code steps} with the changes to {@code e} held in one draft and stores them with one compare-and-set where
     * the run waits or ends (or earlier, through {@link #settle}), instead of one per step.
     */
    void walk(Enrollment e, Consumer<Draft> steps) {
        walk(new Draft(e), steps);
    }

    private Draft walk(Draft draft, Consumer<Draft> steps) {
        Draft outer = drafts.get();
        drafts.set(draft);
        try {
            steps.accept(draft);
        } finally {
            drafts.set(outer);
            store(draft);
        }
        return draft;
    }

    /**
     * Runs the first steps of a new enrolment before it is stored, and inserts it where the run waits or ends, with its
     * history and events (its enrolment's first): one write instead of an insert and a compare-and-set. Its messages
     * leave before that insert, which is safe because their request ids derive from the enrolment's id (itself derived
     * from the trigger), so a run repeated after a crash gets dispatch's first answers and sends nothing twice. True
     * when it is stored now; false when an enrolment of that id existed (a resumed broadcast, a concurrent trigger):
     * then nothing of the run counts.
     */
    boolean walkNew(Enrollment fresh, Consumer<Draft> steps) {
        return walk(Draft.unborn(fresh, List.of(enrolled(fresh))), steps).inserted();
    }

    /**
     * Whether a message of the run may leave: its draft is stored first (a message only leaves from a stored step, so
     * whatever moves the enrolment meanwhile sees it), except a new enrolment's, stored after its first run.
     */
    boolean readyToSend(String id) {
        Draft draft = drafts.get();
        return draft != null && draft.holds(id) && draft.unborn() || settle(id);
    }

    /**
     * Stores the open draft of {@code id} now if it holds changes (a message only leaves from a stored step, as when
     * each step was its own write); false when its compare-and-set failed, so the run must stop.
     */
    boolean settle(String id) {
        Draft draft = drafts.get();
        return draft == null || !draft.holds(id) || store(draft);
    }

    /** {@code then} once the open draft of {@code id} is stored (at once outside a run). */
    void afterWrite(String id, Runnable then) {
        Draft draft = drafts.get();
        if (draft != null && draft.holds(id)) {
            draft.afterWrite(then);
        } else {
            then.run();
        }
    }

    private boolean store(Draft draft) {
        if (draft.current() == null) {
            return false;
        }
        if (draft.unborn() && !writes.insert(draft.current(), draft.events())) {
            draft.lost();
            return false;
        }
        if (!draft.unborn() && draft.dirty() && !write(draft.stored(), draft.update(), draft.entries(), draft.events())) {
            draft.lost();
            return false;
        }
        draft.written();
        return true;
    }

    private boolean write(Enrollment read, Update update, List<Enrollment.Entry> entries,
                          List<? extends IntegrationEvent> events) {
        return writes.write(new EnrollmentWrites.Write(read, update, entries, events));
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
        entries.forget(profileId);
    }

    static Enrollment withMarks(Enrollment e, java.util.Set<String> marks) {
        return new Enrollment(e.id(), e.journeyId(), e.version(), e.profileId(), e.state(), e.phase(), e.step(),
                e.attempt(), e.excluded(), e.timerToken(), e.wakeAt(), e.waitingFor(), e.retryStep(), e.lastSend(), e.context(),
                e.source(), e.history(), e.revision(), e.enrolledAt(), e.endedAt(), e.endReason(), e.variant(), e.disposition(),
                marks);
    }
}
