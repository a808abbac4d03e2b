package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.support.timer.TimerDue;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What ends a wait: its timer (a duration, a deferral, a timeout, a call without outcome), the awaited activity or
 * reply, or the customer's complaints clearing; each moves the enrolment only if it still waits for exactly that.
 */
@Component
class Wakeups {

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final Waits waits;
    private final Engine engine;
    private final Receipts receipts;
    private final CustomerFacts facts;

    Wakeups(Enrollments enrollments, Journeys journeys, Waits waits, Engine engine, Receipts receipts,
            CustomerFacts facts) {
        this.receipts = receipts;
        this.facts = facts;
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.waits = waits;
        this.engine = engine;
    }

    /**
     * Timers of one sweep: their enrolments read at once, their customers' facts too, then each judges its receipts or
     * wakes and walks on, concurrently (their sends go to dispatch in batches). A failure fails the lot, which is
     * fired again later (each timer's token makes a repeat change nothing).
     */
    void wakeAll(List<TimerDue> timers) {
        Map<String, Enrollment> found = enrollments.findAll(timers.stream().map(TimerDue::subject).toList());
        if (found.isEmpty()) {
            return;
        }
        CustomerFacts.Facts known = facts.of(found.values().stream().map(Enrollment::profileId).toList());
        Concurrently.runAll(timers.stream().filter(due -> found.containsKey(due.subject()))
                .<Runnable>map(due -> () -> due(found.get(due.subject()), due.token(), known)).toList(), "a timer's wake-up");
    }

    private void due(Enrollment e, String token, CustomerFacts.Facts known) {
        if (Receipts.WAITING.equals(e.waitingFor())) {
            receipts.deadline(e, token);
        } else if (token.equals(e.timerToken()) && "waiting".equals(e.state())) {
            engine.runAfter(e, known, this::moveOn); // a stale token changes nothing
        }
    }

    /** Where the wait that came due goes on; false when someone else moved the enrolment first. */
    private boolean moveOn(Enrollment e) {
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
        Phase phase = d.phases().get(e.phase());
        Step step = phase.steps().get(e.step());
        Instant now = Instant.now();
        if (Engine.TASK.equals(e.waitingFor())) {
            return engine.move(e, e.phase(), e.step() + 1, Engine.entry(now, phase, step, "agent-task",
                    "no outcome of the call within the step's time: the journey goes on"), List.of());
        }
        if (e.waitingFor() != null) {
            waits.stopAwaiting(e.profileId(), e.waitingFor(), e.id());
            int[] to = after(d, e, step, false);
            return engine.move(e, to[0], to[1], Engine.entry(now, phase, step, step.type(), "no " + e.waitingFor()
                    + " within " + step.timeout() + " → " + (step.otherwise() == null ? "goes on" : step.otherwise())),
                    List.of());
        }
        if (Boolean.TRUE.equals(e.retryStep())) {
            return enrollments.change(e, new Update().set("state", "active").inc("attempt", 1).unset("timerToken"),
                    List.of(Engine.entry(now, phase, step, "retry", "the deferral is over: trying again")), List.of());
        }
        return engine.move(e, e.phase(), e.step() + 1, Engine.entry(now, phase, step, "wait-over", "waited until "
                + e.wakeAt()), List.of());
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
        int[] to = after(d, e, step, true);
        if (engine.move(e, to[0], to[1], Engine.entry(Instant.now(), phase, step, step.type(), activityType
                + " happened → " + (step.then() == null ? "goes on" : step.then())), List.of())) {
            engine.run(e.id());
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
        engine.sleepWith(e, resolvedAt.plus(coolOff), Engine.entry(Instant.now(), phase, phase.steps().get(e.step()),
                "resume", "complaint resolved at " + resolvedAt + "; the held step goes after the cool-off " + coolOff),
                List.of(), true);
    }

    /** Where a wait for an event goes on: a branch's then/otherwise, a wait's next step either way. */
    private static int[] after(JourneyDefinition d, Enrollment e, Step step, boolean happened) {
        if (step.type().equals("wait")) {
            return new int[]{e.phase(), e.step() + 1};
        }
        return Positions.of(d, happened ? step.then() : step.otherwise());
    }
}
