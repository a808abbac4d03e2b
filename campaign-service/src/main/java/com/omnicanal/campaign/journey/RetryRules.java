package com.omnicanal.campaign.journey;

import com.omnicanal.campaign.journey.JourneyDefinition.Retry;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a retry rule must say to be decidable: each timed fallback its time, a success that can end, a real target. */
final class RetryRules {

    private static final Map<String, String> DEADLINES = Map.of("not-delivered", "notDeliveredAfter",
            "not-read", "notReadAfter", "no-reply", "noReplyAfter");

    private RetryRules() {
    }

    static void check(JourneyDefinition d, Retry rule, String at, List<InvalidField> problems) {
        if (rule == null) {
            return;
        }
        DEADLINES.forEach((trigger, field) -> {
            if (rule.fallsBackOn(trigger) && deadline(rule, field) == null) {
                problems.add(new InvalidField(at + "/" + field, "fallback on " + trigger + " needs " + field));
            }
        });
        if ("converted".equals(rule.success()) && rule.conversionActivity() == null) {
            problems.add(new InvalidField(at + "/conversionActivity", "success on converted needs the activity type"));
        }
        boolean bounded = rule.successWithin() != null || rule.notDeliveredAfter() != null || rule.notReadAfter() != null
                || rule.noReplyAfter() != null;
        if (rule.success() != null && !"sent".equals(rule.success()) && !bounded) {
            problems.add(new InvalidField(at + "/successWithin", "how long to wait for " + rule.success()
                    + " (successWithin, or a not-delivered / not-read / no-reply time)"));
        }
        String next = rule.onExhausted();
        if (next != null && !next.equals("continue") && !next.equals("exit") && d.position(next) == null) {
            problems.add(new InvalidField(at + "/onExhausted", "continue, exit, or an existing step or phase:<id>; not "
                    + next));
        }
    }

    private static Duration deadline(Retry rule, String field) {
        return switch (field) {
            case "notDeliveredAfter" -> rule.notDeliveredAfter();
            case "notReadAfter" -> rule.notReadAfter();
            default -> rule.noReplyAfter();
        };
    }
}
