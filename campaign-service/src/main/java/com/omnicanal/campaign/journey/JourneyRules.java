package com.omnicanal.campaign.journey;

import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The semantic rules of a journey that a JSON Schema cannot express, each problem with its JSON pointer. */
final class JourneyRules {

    static final List<String> PHASE_ORDER = List.of("apertura", "consideracion", "decision", "refuerzo-acuerdo",
            "refuerzo-vinculo");
    static final Set<String> VARIABLES = Set.of("name", "firstName", "email", "phone", "journey.name", "activity.type",
            "activity.orderId", "activity.amount", "activity.currency", "activity.storeId", "activity.channel");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}#^/!>\\s]+)\\s*}}");

    private JourneyRules() {
    }

    static List<InvalidField> problems(JourneyDefinition d) {
        List<InvalidField> problems = new ArrayList<>();
        trigger(d, problems);
        phasesAndIds(d, problems);
        for (int p = 0; p < d.phases().size(); p++) {
            Phase phase = d.phases().get(p);
            RetryRules.check(d, phase.retry(), "/phases/" + p + "/retry", problems);
            for (int c = 0; phase.channels() != null && c < phase.channels().size(); c++) {
                RetryRules.check(d, phase.channels().get(c).retry(), "/phases/" + p + "/channels/" + c + "/retry", problems);
            }
            for (int s = 0; s < phase.steps().size(); s++) {
                step(d, phase, p, s, problems);
            }
        }
        return problems;
    }

    private static void trigger(JourneyDefinition d, List<InvalidField> problems) {
        if (d.trigger().type().equals("activity") && d.trigger().activityType() == null) {
            problems.add(new InvalidField("/trigger/activityType", "an activity trigger needs the activity type"));
        }
        if (d.trigger().type().equals("segment-entered") && d.trigger().segmentId() == null) {
            problems.add(new InvalidField("/trigger/segmentId", "a segment trigger needs the segment id"));
        }
        if (d.sendWindow() != null && !d.sendWindow().from().isBefore(d.sendWindow().to())) {
            problems.add(new InvalidField("/sendWindow/to", "the window must end after it starts (same day)"));
        }
        if (d.reentry() != null && d.reentry().mode().equals("once-per") && d.reentry().days() == null) {
            problems.add(new InvalidField("/reentry/days", "once-per needs the number of days"));
        }
    }

    /** Phases appear once each, in their order; step ids are unique in the journey. */
    private static void phasesAndIds(JourneyDefinition d, List<InvalidField> problems) {
        Set<String> ids = new HashSet<>();
        Set<String> phases = new HashSet<>();
        int lastOrder = -1;
        for (int p = 0; p < d.phases().size(); p++) {
            Phase phase = d.phases().get(p);
            int order = PHASE_ORDER.indexOf(phase.id());
            if (!phases.add(phase.id()) || order < lastOrder) {
                problems.add(new InvalidField("/phases/" + p + "/id", "phases appear once each, in the order " + PHASE_ORDER));
            }
            lastOrder = Math.max(lastOrder, order);
            for (int s = 0; s < phase.steps().size(); s++) {
                if (!ids.add(phase.steps().get(s).id())) {
                    problems.add(new InvalidField(at(p, s) + "/id", "step ids must be unique in the journey"));
                }
            }
        }
    }

    private static void step(JourneyDefinition d, Phase phase, int p, int s, List<InvalidField> problems) {
        Step step = phase.steps().get(s);
        String at = at(p, s);
        switch (step.type()) {
            case "send" -> send(phase, step, p, at, problems);
            case "wait" -> waitStep(step, at, problems);
            case "branch" -> branch(d, step, p, s, at, problems);
            case "goto" -> jump(d, step.phase() == null ? null : "phase:" + step.phase(), p, s, at + "/phase", problems);
            case "agent-task" -> require(step.team() != null, at + "/team", "an agent task needs a team", problems);
            default -> { }
        }
    }

    /** Exactly one of: a duration, a time of day, or an event with its timeout. */
    private static void waitStep(Step step, String at, List<InvalidField> problems) {
        int kinds = (step.duration() != null ? 1 : 0) + (step.until() != null ? 1 : 0) + (step.on() != null ? 1 : 0);
        require(kinds == 1, at + "/duration", "a wait needs one of: a duration, until (a time of day), or on (an event) "
                + "with a timeout", problems);
        if (step.on() != null) {
            require(step.on().equals("activity") || step.on().equals("reply"), at + "/on", "a wait is for an activity "
                    + "or a reply", problems);
            require(step.timeout() != null, at + "/timeout", "how long to wait for the " + step.on(), problems);
            require(!"activity".equals(step.on()) || step.activityType() != null, at + "/activityType",
                    "which activity ends the wait", problems);
        }
    }

    private static void send(Phase phase, Step step, int p, String at, List<InvalidField> problems) {
        require(step.content() != null && !step.content().isEmpty() || step.template() != null, at + "/content",
                "a send step needs content or a template", problems);
        boolean channels = phase.channels() != null && !phase.channels().isEmpty();
        require(channels, "/phases/" + p + "/channels", "a phase that sends needs at least one allowed channel", problems);
        if (channels && phase.channels().stream().anyMatch(c -> c.channel().equals("whatsapp")) && step.template() == null) {
            problems.add(new InvalidField(at + "/template", "WhatsApp outside the customer's 24-hour window needs an "
                    + "approved template: name one (the window is checked at send time)"));
        }
        if (step.content() != null) {
            step.content().forEach((language, content) -> {
                Matcher m = VARIABLE.matcher(content.text() + " " + (content.subject() == null ? "" : content.subject()));
                while (m.find()) {
                    if (!VARIABLES.contains(m.group(1))) {
                        problems.add(new InvalidField(at + "/content/" + language + "/text", "unknown variable {{"
                                + m.group(1) + "}}; known: " + new java.util.TreeSet<>(VARIABLES)));
                    }
                }
            });
        }
    }

    private static void branch(JourneyDefinition d, Step step, int p, int s, String at, List<InvalidField> problems) {
        if ("random".equals(step.on())) {
            require(step.variants() != null && step.variants().size() >= 2, at + "/variants",
                    "a random split needs at least two variants", problems);
            if (step.variants() != null) {
                for (int v = 0; v < step.variants().size(); v++) {
                    jump(d, step.variants().get(v).next(), p, s, at + "/variants/" + v + "/next", problems);
                }
            }
            return;
        }
        require(step.on() != null, at + "/on", "a branch is on an activity, a reply, a disposition or random", problems);
        require(!"activity".equals(step.on()) || step.activityType() != null, at + "/activityType",
                "which activity decides the branch", problems);
        require(step.timeout() != null || "disposition".equals(step.on()), at + "/timeout", "how long to wait for the "
                + step.on(), problems);
        jump(d, step.then(), p, s, at + "/then", problems);
        jump(d, step.otherwise(), p, s, at + "/otherwise", problems);
    }

    /** A target is a step id or {@code phase:<id>}; going back needs a wait (or a timed branch) on the way. */
    private static void jump(JourneyDefinition d, String target, int p, int s, String at, List<InvalidField> problems) {
        if (target == null) {
            problems.add(new InvalidField(at, "a target is required"));
            return;
        }
        int[] to = d.position(target);
        if (to == null) {
            problems.add(new InvalidField(at, "no such step or phase: " + target));
        } else if ((to[0] < p || (to[0] == p && to[1] <= s)) && !waitsBetween(d, to, p, s)) {
            problems.add(new InvalidField(at, "a loop without a wait: going back to " + target + " would repeat at once"));
        }
    }

    private static boolean waitsBetween(JourneyDefinition d, int[] from, int p, int s) {
        for (int i = from[0]; i <= p; i++) {
            List<Step> steps = d.phases().get(i).steps();
            for (int j = i == from[0] ? from[1] : 0; j < (i == p ? s + 1 : steps.size()); j++) {
                Step step = steps.get(j);
                if (step.type().equals("wait") || step.type().equals("agent-task")
                        || (step.type().equals("branch") && step.timeout() != null)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void require(boolean ok, String at, String message, List<InvalidField> problems) {
        if (!ok) {
            problems.add(new InvalidField(at, message));
        }
    }

    private static String at(int p, int s) {
        return "/phases/" + p + "/steps/" + s;
    }
}
