package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Retry;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.campaign.measurement.Counters;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A send that did not succeed by its rule: the step is sent again on the phase's next channel (after the spacing)
 * while attempts and channels remain; otherwise the rule's outcome — continue, exit, or go to a step or phase.
 */
@Component
class Fallbacks {

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final Engine engine;
    private final Counters counters;

    Fallbacks(Enrollments enrollments, Journeys journeys, Engine engine, Counters counters) {
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.engine = engine;
        this.counters = counters;
    }

    /** The provider reported the last send failed; true when the enrolment was changed (or needs no change). */
    boolean failed(Enrollment e, String channel, String error) {
        Retry rule = phase(e).retryFor(e.lastSend().channel());
        String why = channel + " failed (" + (error == null ? "no reason given" : error) + ")";
        if (rule != null && rule.fallsBackOn("failed")) {
            return fallback(e, why);
        }
        if (Receipts.waitsAt(e, e.lastSend())) {
            return exhausted(e, rule, why + "; the rule has no fallback on failed");
        }
        return enrollments.change(e, new Update(), List.of(at(e, "failed", why + "; no fallback on failed in the rule")),
                List.of());
    }

    boolean fallback(Enrollment e, String why) {
        Enrollment.LastSend last = e.lastSend();
        Phase phase = phase(e);
        Retry rule = phase.retryFor(last.channel());
        List<String> excluded = new ArrayList<>(e.excluded() == null || !sameStep(e) ? List.of() : e.excluded());
        excluded.add(last.channel());
        List<String> left = phase.channels().stream().map(JourneyDefinition.PhaseChannel::channel)
                .filter(c -> !c.equals("phone") && !excluded.contains(c)).toList();
        if (last.sends() >= rule.attempts() || left.isEmpty()) {
            return exhausted(e, rule, why + "; no attempt left (" + last.sends() + " of " + rule.attempts()
                    + " sent, channels left " + left + ")");
        }
        int attempt = Math.max(e.attempt(), Integer.parseInt(last.requestId().substring(last.requestId().lastIndexOf(':') + 1))) + 1;
        Enrollment.Entry entry = at(e, "fallback", why + ": attempt " + (last.sends() + 1) + " of " + rule.attempts()
                + " on the next channel of phase " + phase.id() + " " + left + (rule.spacing() == null ? ""
                : " after " + rule.spacing()) + " (rule: fallback on " + rule.fallbackOn() + ")");
        counters.count(new Counters.At(e.journeyId(), phase.id(), phase.steps().get(last.step()).id(), last.channel(),
                e.variant()), "fallbacks");
        if (rule.spacing() != null) {
            Update later = new Update().set("phase", last.phase()).set("step", last.step()).set("attempt", attempt)
                    .set("excluded", excluded).unset("waitingFor");
            return engine.sleepWith(e, Instant.now().plus(rule.spacing()), List.of(entry), List.of(), true, later);
        }
        Update now = Engine.position(last.phase(), last.step()).set("attempt", attempt).set("excluded", excluded);
        return moved(e, enrollments.change(e, now, List.of(entry), List.of()));
    }

    /** Every attempt is spent: the rule says what happens (by default the journey goes on). */
    private boolean exhausted(Enrollment e, Retry rule, String why) {
        String outcome = rule == null || rule.onExhausted() == null ? "continue" : rule.onExhausted();
        Enrollment.LastSend last = e.lastSend();
        if ("exit".equals(outcome)) {
            engine.end(e, "exited", why + "; the rule says exit", Instant.now());
            return true;
        }
        Enrollment.Entry entry = at(e, "exhausted", why + "; the rule says " + outcome);
        if ("continue".equals(outcome)) {
            return Receipts.waitsAt(e, last) ? moved(e, enrollments.change(e, Engine.position(last.phase(), last.step() + 1),
                    List.of(entry), List.of())) : enrollments.change(e, new Update(), List.of(entry), List.of());
        }
        int[] to = journeys.definition(e.journeyId(), e.version()).orElseThrow().position(outcome);
        return moved(e, enrollments.change(e, Engine.position(to[0], to[1]), List.of(entry), List.of()));
    }

    private boolean moved(Enrollment e, boolean changed) {
        if (changed) {
            engine.run(e.id());
        }
        return changed;
    }

    private static boolean sameStep(Enrollment e) {
        return e.phase() == e.lastSend().phase() && e.step() == e.lastSend().step();
    }

    private Phase phase(Enrollment e) {
        return journeys.definition(e.journeyId(), e.version()).orElseThrow().phases().get(e.lastSend().phase());
    }

    private Enrollment.Entry at(Enrollment e, String action, String detail) {
        Phase phase = phase(e);
        return Engine.entry(Instant.now(), phase, phase.steps().get(e.lastSend().step()), action, detail);
    }
}
