package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Retry;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.campaign.measurement.Measurements;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * What a sent message's receipts set in motion (delivery statuses, replies, clicks, conversions), judged by the rule of
 * the phase and channel it went on: success moves the journey on; a failure or a deadline without the awaited status
 * falls back to the next channel, after the spacing, while attempts and channels remain; then the rule's outcome.
 */
@Component
class Receipts {

    static final String WAITING = "receipt";
    private static final List<String> STATUSES = List.of("sent", "delivered", "read");
    private static final int TRIES = 5;

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final Engine engine;
    private final Fallbacks fallbacks;
    private final Measurements measurements;

    Receipts(Enrollments enrollments, Journeys journeys, Engine engine, Fallbacks fallbacks, Measurements measurements) {
        this.measurements = measurements;
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.engine = engine;
        this.fallbacks = fallbacks;
    }

    /** A provider's status for a campaign message (request id {@code <enrolment>:<step>:<attempt>}). */
    void status(String requestId, String status, String channel, String error) {
        String id = requestId.substring(0, requestId.indexOf(':'));
        for (int i = 0; i < TRIES; i++) {
            Enrollment e = enrollments.find(id).orElse(null);
            if (e == null || e.isOver() || e.lastSend() == null || !requestId.equals(e.lastSend().requestId())) {
                if (ahead(e, requestId)) {
                    throw new StatusAhead(requestId); // the event is tried again after a pause (omni.events.attempts)
                }
                return;
            }
            boolean done = "failed".equals(status) ? fallbacks.failed(e, channel, error)
                    : STATUSES.indexOf(status) <= STATUSES.indexOf(e.lastSend().status())
                    || note(e, e.lastSend().with(status, e.lastSend().replied(), e.lastSend().clicked(),
                    e.lastSend().converted()), channel + " " + status);
            if (done) {
                return;
            }
        }
    }

    /**
     * A status that came before the write of its send: the message leaves before its enrolment is stored (a new one)
     * or before the step's write that records it, so a provider's early status may find the enrolment absent or still
     * at that step and attempt without the send. An older request's status (a step or attempt since left) is not.
     */
    boolean ahead(Enrollment e, String requestId) {
        if (e == null) {
            return true;
        }
        if (e.isOver()) {
            return false;
        }
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElse(null);
        if (d == null || e.phase() >= d.phases().size() || e.step() >= d.phases().get(e.phase()).steps().size()) {
            return false;
        }
        String here = e.id() + ":" + d.phases().get(e.phase()).steps().get(e.step()).id() + ":" + e.attempt();
        return here.equals(requestId);
    }

    /** A status to be tried again: its send is not stored yet. */
    static final class StatusAhead extends RuntimeException {
        StatusAhead(String requestId) {
            super("the send of " + requestId + " is not stored yet", null, false, false);
        }
    }

    /** The customer wrote: it answers the last message of each journey they are in that was sent before. */
    void replied(String profileId, String channel, Instant at) {
        for (Enrollment e : enrollments.ofProfile(profileId)) {
            Enrollment.LastSend s = e.lastSend();
            if (s != null && !s.sentAt().isAfter(at)) {
                measurements.replied(s.requestId());
            }
            if (!e.isOver() && s != null && !Boolean.TRUE.equals(s.replied()) && !s.sentAt().isAfter(at)) {
                note(e, s.with(s.status(), true, s.clicked(), s.converted()), "the customer replied on " + channel);
            }
        }
    }

    /** A tracked link of a message was opened. */
    void clicked(String enrollmentId, String requestId, String url) {
        enrollments.find(enrollmentId).filter(e -> !e.isOver() && e.lastSend() != null
                        && requestId.equals(e.lastSend().requestId()) && !Boolean.TRUE.equals(e.lastSend().clicked()))
                .ifPresent(e -> note(e, e.lastSend().with(e.lastSend().status(), e.lastSend().replied(), true,
                        e.lastSend().converted()), "clicked " + url));
    }

    /** An activity that a waiting step's rule counts as its conversion, for the customer's enrolments read before. */
    void activity(List<Enrollment> theirs, String activityType) {
        for (Enrollment e : theirs) {
            Enrollment.LastSend s = e.lastSend();
            if (e.isOver() || s == null || Boolean.TRUE.equals(s.converted())) {
                continue;
            }
            Retry rule = rule(e, s);
            if (rule != null && activityType.equals(rule.conversionActivity())) {
                note(e, s.with(s.status(), s.replied(), s.clicked(), true), "converted: " + activityType);
            }
        }
    }

    /** A deadline of the awaited receipts came: success, fallback, another deadline, or on without success. */
    void deadline(Enrollment e, String token) {
        if (!token.equals(e.timerToken()) || !"waiting".equals(e.state()) || !WAITING.equals(e.waitingFor())) {
            return;
        }
        ReceiptRules.Verdict verdict = ReceiptRules.judge(rule(e, e.lastSend()), e.lastSend(), Instant.now());
        switch (verdict.kind()) {
            case FALLBACK -> fallbacks.fallback(e, verdict.why());
            case WAIT -> engine.sleepWith(e, verdict.until(), List.of(at(e, "awaits-receipt", verdict.why())), List.of(),
                    false, new Update().set("waitingFor", WAITING));
            default -> advance(e, e.lastSend(), at(e, verdict.kind() == ReceiptRules.Kind.SUCCESS ? "success" : "no-success",
                    verdict.why()));
        }
    }

    /** Keeps what the receipt says; if the enrolment waits at that step and its success is reached, it moves on. */
    private boolean note(Enrollment e, Enrollment.LastSend updated, String what) {
        Instant now = Instant.now();
        Enrollment.Entry receipt = at(e, updated, "receipt", what);
        if (waitsAt(e, updated) && ReceiptRules.judge(rule(e, updated), updated, now).kind() == ReceiptRules.Kind.SUCCESS) {
            return advance(e, updated, receipt, at(e, updated, "success", "success (" + ReceiptRules.success(
                    rule(e, updated)) + ") on " + updated.channel() + ": the journey goes on"));
        }
        return enrollments.change(e, new Update().set("lastSend", updated), List.of(receipt), List.of());
    }

    private boolean advance(Enrollment e, Enrollment.LastSend s, Enrollment.Entry... entries) {
        boolean moved = enrollments.change(e, Engine.position(s.phase(), s.step() + 1).set("lastSend", s),
                List.of(entries), List.of());
        if (moved) {
            engine.run(e.id());
        }
        return moved;
    }

    static boolean waitsAt(Enrollment e, Enrollment.LastSend s) {
        return "waiting".equals(e.state()) && WAITING.equals(e.waitingFor()) && e.phase() == s.phase()
                && e.step() == s.step();
    }

    private Retry rule(Enrollment e, Enrollment.LastSend s) {
        return phase(e, s).retryFor(s.channel());
    }

    private Phase phase(Enrollment e, Enrollment.LastSend s) {
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
        return d.phases().get(s.phase());
    }

    private Enrollment.Entry at(Enrollment e, String action, String detail) {
        return at(e, e.lastSend(), action, detail);
    }

    private Enrollment.Entry at(Enrollment e, Enrollment.LastSend s, String action, String detail) {
        Phase phase = phase(e, s);
        Step step = phase.steps().get(s.step());
        return Engine.entry(Instant.now(), phase, step, action, detail);
    }
}
