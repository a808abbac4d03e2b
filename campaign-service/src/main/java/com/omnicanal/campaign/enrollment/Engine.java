package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.campaign.measurement.Counters;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.support.timer.Timers;
import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.events.campaign.Exited;
import com.omnicanal.events.campaign.StepExecuted;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Walks an enrolment forward from where it stands until it has to wait (a duration, a deferral, an awaited activity,
 * a held promotion) or ends. The steps of one run are one compare-and-set on the enrolment carrying their history
 * entries and events (written where it waits or ends, and before a message or a call leaves), so whichever of a timer,
 * a receipt or an activity moves it first wins and the others see the move.
 */
@Service
class Engine {

    private static final int MAX_STEPS_PER_RUN = 50;
    private static final Duration DISPATCH_RETRY = Duration.ofMinutes(1);
    private static final Duration TASK_TIMEOUT = Duration.ofDays(7);
    static final String TASK = "task";

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final SendStep sends;
    private final Timers timers;
    private final CustomerFacts facts;
    private final Waits waits;
    private final CustomerZones zones;
    private final Measurements measurements;

    Engine(Enrollments enrollments, Journeys journeys, SendStep sends, Timers timers, CustomerFacts facts,
           Waits waits, CustomerZones zones, Measurements measurements) {
        this.zones = zones;
        this.measurements = measurements;
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.sends = sends;
        this.timers = timers;
        this.facts = facts;
        this.waits = waits;
    }

    void run(String enrollmentId) {
        enrollments.find(enrollmentId).ifPresent(e -> enrollments.walk(e, draft -> walkOn(draft, facts.live())));
    }

    /** A new enrolment's first run, which stores it (see {@link Enrollments#walkNew}); true when it is stored now. */
    boolean runNew(Enrollment fresh, CustomerFacts.Facts known) {
        return enrollments.walkNew(fresh, draft -> walkOn(draft, known));
    }

    /**
     * A wake-up's {@code move} of an enrolment just read, and the run it starts: both in one draft, so one
     * compare-and-set (a move that does not apply ends it there).
     */
    void runAfter(Enrollment read, CustomerFacts.Facts known, Predicate<Enrollment> move) {
        enrollments.walk(read, draft -> {
            if (move.test(read)) {
                walkOn(draft, known);
            }
        });
    }

    private void walkOn(Draft draft, CustomerFacts.Facts known) {
        for (int i = 0; i < MAX_STEPS_PER_RUN; i++) {
            Enrollment e = draft.current(); // as the last step left it, in memory
            if (e == null || e.isOver() || !"active".equals(e.state())) {
                return;
            }
            JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
            if (!step(e, d, known)) {
                return;
            }
        }
    }

    /** Executes the step the enrolment stands on; true when it moved on and the next one can run at once. */
    private boolean step(Enrollment e, JourneyDefinition d, CustomerFacts.Facts known) {
        Instant now = Instant.now();
        if (e.phase() >= d.phases().size()) {
            end(e, "completed", "completed: the last phase is done", now);
            return false;
        }
        Phase phase = d.phases().get(e.phase());
        if (e.step() >= phase.steps().size()) {
            return move(e, e.phase() + 1, 0, entry(now, phase, null, "phase-done", "next phase"), List.of());
        }
        Step step = phase.steps().get(e.step());
        return switch (step.type()) {
            case "send" -> send(e, d, phase, step, now, known);
            case "wait" -> waitStep(e, phase, step, now);
            case "branch" -> branch(e, d, phase, step, now);
            case "goto" -> jump(e, d, phase, step, "phase:" + step.phase(), "goes to phase " + step.phase(), now);
            case "agent-task" -> task(e, d, phase, step, now, known);
            default -> { end(e, "exited", "exit step " + step.id(), now); yield false; }
        };
    }

    private boolean send(Enrollment e, JourneyDefinition d, Phase phase, Step step, Instant now,
                         CustomerFacts.Facts known) {
        String purpose = step.purpose() != null ? step.purpose() : d.purpose();
        if (!"service".equals(purpose) && known.complaintOpen(e.profileId())) {
            return hold(e, d, phase, step, purpose, now);
        }
        ZonedDateTime opens = d.sendWindow() == null ? null : CustomerZones.outside(now, zones.of(e.profileId()),
                d.sendWindow());
        if (opens != null) {
            counted(e, () -> measurements.suppressed(at(e, phase, step, null), List.of("send window")));
            return sleepWith(e, opens.toInstant(), entry(now, phase, step, "send-window", "outside the journey's send "
                    + "window " + d.sendWindow().from() + "–" + d.sendWindow().to() + " (the customer's clock shows "
                    + now.atZone(opens.getZone()).toLocalTime().withNano(0) + " " + opens.getZone() + "): goes at "
                    + opens.toLocalDateTime()), List.of(), true);
        }
        if (!enrollments.readyToSend(e.id())) {
            return false;
        }
        SendStep.Result result;
        try {
            result = sends.send(e, d, phase, step, purpose, known.contact(e.profileId()));
        } catch (RestClientException unavailable) {
            return sleep(e, phase, step, now.plus(DISPATCH_RETRY), null, "conversation-service unavailable ("
                    + unavailable.getMessage() + "); retrying at " + now.plus(DISPATCH_RETRY), now);
        }
        Enrollment.Entry entry = entry(now, phase, step, "send:" + result.outcome(), result.explanation());
        StepExecuted event = new StepExecuted(e.profileId(), e.id(), e.journeyId(), phase.id(), step.id(), "send",
                result.outcome(), result.channel(), now);
        if ("sent".equals(result.outcome())) {
            counted(e, () -> measurements.sent(result.requestId(), at(e, phase, step, result.channel()), now));
        } else {
            counted(e, () -> measurements.suppressed(at(e, phase, step, null), List.of(result.explanation())));
        }
        return switch (result.outcome()) {
            case "deferred" -> sleepWith(e, result.until(), entry, List.of(event), true);
            case "sent" -> sent(e, phase, step, result, entry, event, now);
            default -> move(e, e.phase(), e.step() + 1, entry, List.of(event));
        };
    }

    /** Sent: the journey goes on at once, or waits at the step for the receipts its rule judges success by. */
    private boolean sent(Enrollment e, Phase phase, Step step, SendStep.Result result, Enrollment.Entry entry,
                         StepExecuted event, Instant now) {
        Enrollment.LastSend previous = e.lastSend();
        int sends = e.attempt() > 0 && previous != null && previous.phase() == e.phase() && previous.step() == e.step()
                ? previous.sends() + 1 : 1;
        Enrollment.LastSend last = new Enrollment.LastSend(result.requestId(), result.channel(), e.phase(), e.step(),
                now, "sent", false, false, false, sends);
        JourneyDefinition.Retry rule = phase.retryFor(result.channel());
        if (!ReceiptRules.awaitsReceipts(rule)) {
            return enrollments.change(e, position(e.phase(), e.step() + 1).set("lastSend", last), List.of(entry),
                    List.of(event));
        }
        ReceiptRules.Verdict verdict = ReceiptRules.judge(rule, last, now);
        Update update = new Update().set("lastSend", last).set("waitingFor", Receipts.WAITING);
        return sleepWith(e, verdict.until(), List.of(entry, entry(now, phase, step, "awaits-receipt", verdict.why()
                + " (rule: success " + ReceiptRules.success(rule) + ", fallback on " + rule.fallbackOn() + ", "
                + rule.attempts() + " attempt(s))")), List.of(event), false, update);
    }

    /** A promotion while the customer has an open complaint: held until it is resolved (plus cool-off), or exit. */
    private boolean hold(Enrollment e, JourneyDefinition d, Phase phase, Step step, String purpose, Instant now) {
        if (d.complaints() != null && "exit".equals(d.complaints().onOpen())) {
            end(e, "exited", "exited: an open complaint and the journey says exit", now);
            return false;
        }
        Enrollment.Entry entry = entry(now, phase, step, "held", purpose + " step held: the customer has an open "
                + "complaint; it goes after the resolution and the cool-off");
        counted(e, () -> measurements.suppressed(at(e, phase, step, null), List.of("complaint")));
        enrollments.change(e, new Update().set("state", "held"), List.of(entry), List.of(new StepExecuted(e.profileId(),
                e.id(), e.journeyId(), phase.id(), step.id(), "send", "held", null, now)),
                () -> waits.holdUntilComplaintsClear(e.profileId(), e.id()));
        return false;
    }

    /** A duration; until a time of day on the customer's clock; or until an event, with a timeout. */
    private boolean waitStep(Enrollment e, Phase phase, Step step, Instant now) {
        if (step.until() != null) {
            ZoneId zone = zones.of(e.profileId());
            ZonedDateTime at = CustomerZones.next(now, zone, LocalTime.parse(step.until()));
            return sleep(e, phase, step, at.toInstant(), null, "waits until " + step.until() + " in the customer's time "
                    + "zone " + zone + " (" + at.toInstant() + ")", now);
        }
        if (step.on() != null) {
            return awaitEvent(e, phase, step, now);
        }
        return sleep(e, phase, step, now.plus(step.duration()), null, "waits " + step.duration(), now);
    }

    private boolean awaitEvent(Enrollment e, Phase phase, Step step, Instant now) {
        String awaited = "activity".equals(step.on()) ? step.activityType() : step.on();
        boolean slept = sleep(e, phase, step, now.plus(step.timeout()), awaited, "waits up to "
                + step.timeout() + " for " + awaited, now);
        enrollments.afterWrite(e.id(), () -> waits.awaitActivity(e.profileId(), awaited, e.id()));
        return slept;
    }

    private boolean branch(Enrollment e, JourneyDefinition d, Phase phase, Step step, Instant now) {
        if ("random".equals(step.on())) {
            JourneyDefinition.Variant variant = Split.pick(e.id() + ":" + step.id(), step.variants());
            int[] to = Positions.of(d, variant.next());
            return enrollments.change(e, position(to[0], to[1]).set("variant", variant.id()), List.of(entry(now, phase,
                    step, "branch", "random split: variant " + variant.id() + " → " + variant.next())), List.of(),
                    () -> measurements.variant(e.journeyId(), variant.id()));
        }
        if ("disposition".equals(step.on())) {
            boolean yes = "contacted-interested".equals(e.disposition());
            return jump(e, d, phase, step, yes ? step.then() : step.otherwise(), "the call's outcome was "
                    + (e.disposition() == null ? "never given" : e.disposition()) + " → " + (yes ? "yes" : "no") + " path", now);
        }
        return awaitEvent(e, phase, step, now);
    }

    /** A call for a team; the step waits for its outcome (bounded), or, once the calls are over, sends instead. */
    private boolean task(Enrollment e, JourneyDefinition d, Phase phase, Step step, Instant now,
                         CustomerFacts.Facts known) {
        if (e.excluded() != null && e.excluded().contains("phone")) {
            boolean message = step.content() != null || step.template() != null;
            return message ? send(e, d, phase, step, now, known) : move(e, e.phase(), e.step() + 1, entry(now, phase, step,
                    "agent-task", "not reached by phone and the step has no message to fall back to"), List.of());
        }
        if (!enrollments.settle(e.id())) {
            return false;
        }
        String taskId = sends.task(e, phase, step);
        Duration timeout = step.timeout() == null ? TASK_TIMEOUT : step.timeout();
        return sleep(e, phase, step, now.plus(timeout), TASK, "task " + taskId + " for team " + step.team()
                + "; waits up to " + timeout + " for the call's outcome", now);
    }

    /** The call's outcome: the journey goes on (the Decisión reads it), or the step's message goes out instead. */
    void taskOutcome(String enrollmentId, String phaseId, String stepId, String disposition, boolean unreachable) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Enrollment e = enrollments.find(enrollmentId).orElse(null);
            if (e == null || e.isOver()) {
                return;
            }
            JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
            Phase phase = d.phases().get(Math.min(e.phase(), d.phases().size() - 1));
            boolean here = TASK.equals(e.waitingFor()) && phase.id().equals(phaseId)
                    && phase.steps().get(e.step()).id().equals(stepId);
            Update update = here ? (unreachable ? new Update().set("state", "active").set("excluded", List.of("phone"))
                    .inc("attempt", 1).unset("waitingFor").unset("wakeAt").unset("timerToken")
                    : position(e.phase(), e.step() + 1)) : new Update();
            if (enrollments.change(e, update.set("disposition", disposition), List.of(), List.of())) {
                if (here) {
                    run(e.id());
                }
                return;
            }
        }
    }

    private boolean jump(Enrollment e, JourneyDefinition d, Phase phase, Step step, String target, String why,
                         Instant now) {
        int[] to = Positions.of(d, target);
        return move(e, to[0], to[1], entry(now, phase, step, step.type(), why + " → " + target), List.of());
    }

    boolean move(Enrollment e, int phase, int step, Enrollment.Entry entry, List<? extends IntegrationEvent> events) {
        return enrollments.change(e, position(phase, step), List.of(entry), events);
    }

    static Update position(int phase, int step) {
        return new Update().set("phase", phase).set("step", step).set("attempt", 0).set("excluded", List.of())
                .set("state", "active").unset("waitingFor").unset("wakeAt").unset("timerToken");
    }

    private boolean sleep(Enrollment e, Phase phase, Step step, Instant until, String waitingFor, String why,
                          Instant now) {
        Update update = new Update();
        if (waitingFor != null) {
            update.set("waitingFor", waitingFor);
        }
        return sleepWith(e, until, List.of(entry(now, phase, step, step.type(), why)), List.of(), false, update);
    }

    boolean sleepWith(Enrollment e, Instant until, Enrollment.Entry entry, List<? extends IntegrationEvent> events,
                      boolean retrySameStep) {
        return sleepWith(e, until, List.of(entry), events, retrySameStep, new Update());
    }

    /** Waits on a timer; when it fires the same step runs again (a deferral) or the next one does. */
    boolean sleepWith(Enrollment e, Instant until, List<Enrollment.Entry> entries, List<? extends IntegrationEvent> events,
                      boolean retrySameStep, Update update) {
        String token = UUID.randomUUID().toString();
        update.set("state", "waiting").set("wakeAt", until).set("timerToken", token).set("retryStep", retrySameStep);
        enrollments.change(e, update, entries, events, () -> timers.schedule(e.id(), token, until));
        return false;
    }

    void end(Enrollment e, String state, String reason, Instant now) {
        enrollments.change(e, new Update().set("state", state).set("endedAt", now).set("endReason", reason)
                .unset("timerToken"), List.of(new Enrollment.Entry(now, null, null, state, reason)),
                List.of(new Exited(e.profileId(), e.id(), e.journeyId(), reason, now)));
    }

    /** Counts what a step did once its change is stored: a run whose write loses (or a repeated one) counts nothing. */
    private void counted(Enrollment e, Runnable count) {
        enrollments.afterWrite(e.id(), count);
    }

    private static Counters.At at(Enrollment e, Phase phase, Step step, String channel) {
        return new Counters.At(e.journeyId(), phase.id(), step.id(), channel, e.variant());
    }

    static Enrollment.Entry entry(Instant at, Phase phase, Step step, String action, String detail) {
        return new Enrollment.Entry(at, phase == null ? null : phase.id(), step == null ? null : step.id(), action, detail);
    }
}
