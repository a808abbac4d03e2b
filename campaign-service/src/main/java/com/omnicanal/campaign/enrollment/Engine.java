package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.campaign.suppression.OpenComplaints;
import com.omnicanal.support.timer.Timers;
import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.events.campaign.Exited;
import com.omnicanal.events.campaign.StepExecuted;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Walks an enrolment forward from where it stands until it has to wait (a duration, a deferral, an awaited activity,
 * a held promotion) or ends. Each step is one compare-and-set on the enrolment carrying its history entry and events,
 * so whichever of a timer, a receipt or an activity moves it first wins and the others see the move.
 */
@Service
class Engine {

    private static final int MAX_STEPS_PER_RUN = 50;
    private static final Duration DISPATCH_RETRY = Duration.ofMinutes(1);

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final SendStep sends;
    private final Timers timers;
    private final OpenComplaints complaints;
    private final Waits waits;

    Engine(Enrollments enrollments, Journeys journeys, SendStep sends, Timers timers, OpenComplaints complaints,
           Waits waits) {
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.sends = sends;
        this.timers = timers;
        this.complaints = complaints;
        this.waits = waits;
    }

    void run(String enrollmentId) {
        for (int i = 0; i < MAX_STEPS_PER_RUN; i++) {
            Enrollment e = enrollments.find(enrollmentId).orElse(null);
            if (e == null || e.isOver() || !"active".equals(e.state())) {
                return;
            }
            JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
            if (!step(e, d)) {
                return;
            }
        }
    }

    /** Executes the step the enrolment stands on; true when it moved on and the next one can run at once. */
    private boolean step(Enrollment e, JourneyDefinition d) {
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
            case "send" -> send(e, d, phase, step, now);
            case "wait" -> sleep(e, phase, step, now.plus(step.duration()), null, "waits " + step.duration(), now);
            case "branch" -> branch(e, d, phase, step, now);
            case "goto" -> jump(e, d, phase, step, "phase:" + step.phase(), "goes to phase " + step.phase(), now);
            case "agent-task" -> task(e, phase, step, now);
            default -> { end(e, "exited", "exit step " + step.id(), now); yield false; }
        };
    }

    private boolean send(Enrollment e, JourneyDefinition d, Phase phase, Step step, Instant now) {
        String purpose = step.purpose() != null ? step.purpose() : d.purpose();
        if (!"service".equals(purpose) && complaints.isOpen(e.profileId())) {
            return hold(e, d, phase, step, purpose, now);
        }
        SendStep.Result result;
        try {
            result = sends.send(e, d, phase, step, purpose);
        } catch (RestClientException unavailable) {
            return sleep(e, phase, step, now.plus(DISPATCH_RETRY), null, "conversation-service unavailable ("
                    + unavailable.getMessage() + "); retrying at " + now.plus(DISPATCH_RETRY), now);
        }
        Enrollment.Entry entry = entry(now, phase, step, "send:" + result.outcome(), result.explanation());
        StepExecuted event = new StepExecuted(e.profileId(), e.id(), e.journeyId(), phase.id(), step.id(), "send",
                result.outcome(), result.channel(), now);
        return switch (result.outcome()) {
            case "deferred" -> sleepWith(e, result.until(), entry, List.of(event), true);
            case "sent" -> enrollments.change(e, position(e.phase(), e.step() + 1).set("lastSend", new Enrollment.LastSend(
                    result.requestId(), result.channel(), e.phase(), e.step())), List.of(entry), List.of(event));
            default -> move(e, e.phase(), e.step() + 1, entry, List.of(event));
        };
    }

    /** A promotion while the customer has an open complaint: held until it is resolved (plus cool-off), or exit. */
    private boolean hold(Enrollment e, JourneyDefinition d, Phase phase, Step step, String purpose, Instant now) {
        if (d.complaints() != null && "exit".equals(d.complaints().onOpen())) {
            end(e, "exited", "exited: an open complaint and the journey says exit", now);
            return false;
        }
        Enrollment.Entry entry = entry(now, phase, step, "held", purpose + " step held: the customer has an open "
                + "complaint; it goes after the resolution and the cool-off");
        boolean held = enrollments.change(e, new Update().set("state", "held"), List.of(entry), List.of(
                new StepExecuted(e.profileId(), e.id(), e.journeyId(), phase.id(), step.id(), "send", "held", null, now)));
        if (held) {
            waits.holdUntilComplaintsClear(e.profileId(), e.id());
        }
        return false;
    }

    private boolean branch(Enrollment e, JourneyDefinition d, Phase phase, Step step, Instant now) {
        if ("random".equals(step.on())) {
            JourneyDefinition.Variant variant = Split.pick(e.id() + ":" + step.id(), step.variants());
            return jump(e, d, phase, step, variant.next(), "random split: variant " + variant.id(), now);
        }
        boolean slept = sleep(e, phase, step, now.plus(step.timeout()), step.activityType(), "waits up to "
                + step.timeout() + " for " + step.activityType(), now);
        waits.awaitActivity(e.profileId(), step.activityType(), e.id());
        return slept;
    }

    private boolean task(Enrollment e, Phase phase, Step step, Instant now) {
        String taskId = sends.task(e, phase, step);
        return move(e, e.phase(), e.step() + 1, entry(now, phase, step, "agent-task", "task " + taskId + " for team "
                + step.team()), List.of());
    }

    private boolean jump(Enrollment e, JourneyDefinition d, Phase phase, Step step, String target, String why,
                         Instant now) {
        int[] to = Positions.of(d, target);
        return move(e, to[0], to[1], entry(now, phase, step, step.type(), why + " → " + target), List.of());
    }

    private boolean move(Enrollment e, int phase, int step, Enrollment.Entry entry, List<? extends IntegrationEvent> events) {
        return enrollments.change(e, position(phase, step), List.of(entry), events);
    }

    private static Update position(int phase, int step) {
        return new Update().set("phase", phase).set("step", step).set("attempt", 0).set("excluded", List.of())
                .set("state", "active").unset("waitingFor").unset("wakeAt").unset("timerToken");
    }

    private boolean sleep(Enrollment e, Phase phase, Step step, Instant until, String waitingFor, String why,
                          Instant now) {
        Update update = new Update();
        if (waitingFor != null) {
            update.set("waitingFor", waitingFor);
        }
        return sleepWith(e, until, entry(now, phase, step, step.type(), why), List.of(), false, update);
    }

    private boolean sleepWith(Enrollment e, Instant until, Enrollment.Entry entry, List<? extends IntegrationEvent> events,
                              boolean retrySameStep) {
        return sleepWith(e, until, entry, events, retrySameStep, new Update());
    }

    /** Waits on a timer; when it fires the same step runs again (a deferral) or the next one does. */
    private boolean sleepWith(Enrollment e, Instant until, Enrollment.Entry entry, List<? extends IntegrationEvent> events,
                              boolean retrySameStep, Update update) {
        String token = UUID.randomUUID().toString();
        update.set("state", "waiting").set("wakeAt", until).set("timerToken", token).set("retryStep", retrySameStep);
        if (enrollments.change(e, update, List.of(entry), events)) {
            timers.schedule(e.id(), token, until);
        }
        return false;
    }

    /** A timer came due: the wait it ends must still be the current one (a stale token changes nothing). */
    void wake(String enrollmentId, String token) {
        Enrollment e = enrollments.find(enrollmentId).orElse(null);
        if (e == null || !token.equals(e.timerToken()) || !"waiting".equals(e.state())) {
            return;
        }
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
        Phase phase = d.phases().get(e.phase());
        Step step = phase.steps().get(e.step());
        Instant now = Instant.now();
        boolean moved;
        if (e.waitingFor() != null) {
            waits.stopAwaiting(e.profileId(), e.waitingFor(), e.id());
            int[] to = Positions.of(d, step.otherwise());
            moved = move(e, to[0], to[1], entry(now, phase, step, "branch", "no " + e.waitingFor() + " within "
                    + step.timeout() + " → " + step.otherwise()), List.of());
        } else if (Boolean.TRUE.equals(e.retryStep())) {
            moved = enrollments.change(e, new Update().set("state", "active").inc("attempt", 1).unset("timerToken"),
                    List.of(entry(now, phase, step, "retry", "the deferral is over: trying again")), List.of());
        } else {
            moved = move(e, e.phase(), e.step() + 1, entry(now, phase, step, "wait-over", "waited until " + e.wakeAt()),
                    List.of());
        }
        if (moved) {
            run(e.id());
        }
    }

    /** The awaited activity happened: the branch takes its "then" path. */
    void activityArrived(String enrollmentId, String activityType) {
        Enrollment e = enrollments.find(enrollmentId).orElse(null);
        if (e == null || !"waiting".equals(e.state()) || !activityType.equals(e.waitingFor())) {
            return;
        }
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
        Phase phase = d.phases().get(e.phase());
        Step step = phase.steps().get(e.step());
        int[] to = Positions.of(d, step.then());
        if (move(e, to[0], to[1], entry(Instant.now(), phase, step, "branch", activityType + " happened → "
                + step.then()), List.of())) {
            run(e.id());
        }
    }

    /** The customer's complaints are resolved: a held enrolment resumes the held step after the cool-off. */
    void resumeAfterComplaints(String enrollmentId, Instant resolvedAt) {
        Enrollment e = enrollments.find(enrollmentId).orElse(null);
        if (e == null || !"held".equals(e.state())) {
            return;
        }
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
        Duration coolOff = d.complaints() == null || d.complaints().coolOff() == null ? Duration.ZERO : d.complaints().coolOff();
        Phase phase = d.phases().get(e.phase());
        sleepWith(e, resolvedAt.plus(coolOff), entry(Instant.now(), phase, phase.steps().get(e.step()), "resume",
                "complaint resolved at " + resolvedAt + "; the held step goes after the cool-off " + coolOff), List.of(), true);
    }

    /** A message of a send step failed: the phase's retry rule may send it again on the next channel. */
    void failed(String requestId, String channel, String error) {
        String enrollmentId = requestId.substring(0, requestId.indexOf(':'));
        Enrollment e = enrollments.find(enrollmentId).orElse(null);
        if (e == null || e.isOver() || e.lastSend() == null || !requestId.equals(e.lastSend().requestId())) {
            return;
        }
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
        Phase phase = d.phases().get(e.lastSend().phase());
        Step step = phase.steps().get(e.lastSend().step());
        int attempts = phase.retry() == null || phase.retry().maxAttempts() == null ? 1 : phase.retry().maxAttempts();
        boolean fallback = phase.retry() != null && phase.retry().fallbackOn() != null
                && phase.retry().fallbackOn().contains("failed");
        Instant now = Instant.now();
        int attempt = Integer.parseInt(requestId.substring(requestId.lastIndexOf(':') + 1));
        if (!fallback || attempt + 1 >= attempts) {
            enrollments.change(e, new Update(), List.of(entry(now, phase, step, "failed", channel + " failed (" + error
                    + "); no retry left (rule: " + attempts + " attempt(s), fallback on " + (fallback ? "failed" : "nothing")
                    + ")")), List.of());
            return;
        }
        List<String> excluded = new ArrayList<>(e.excluded() == null ? List.of() : e.excluded());
        excluded.add(channel);
        Update back = position(e.lastSend().phase(), e.lastSend().step()).set("attempt", attempt + 1).set("excluded", excluded);
        if (enrollments.change(e, back, List.of(entry(now, phase, step, "fallback", channel + " failed (" + error
                + "): attempt " + (attempt + 2) + " of " + attempts + " on the next channel of phase " + phase.id()
                + " (rule: fallback on failed)")), List.of())) {
            run(e.id());
        }
    }

    void end(Enrollment e, String state, String reason, Instant now) {
        enrollments.change(e, new Update().set("state", state).set("endedAt", now).set("endReason", reason)
                .unset("timerToken"), List.of(new Enrollment.Entry(now, null, null, state, reason)),
                List.of(new Exited(e.profileId(), e.id(), e.journeyId(), reason, now)));
    }

    private static Enrollment.Entry entry(Instant at, Phase phase, Step step, String action, String detail) {
        return new Enrollment.Entry(at, phase == null ? null : phase.id(), step == null ? null : step.id(), action, detail);
    }
}
