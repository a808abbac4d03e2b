package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Judges a sent message by what its receipts say so far: success reached, a fallback due (not delivered / not read /
 * no reply after its time), still waiting until the next deadline, or over with nothing left to wait for.
 */
final class ReceiptRules {

    private static final List<String> STATUSES = List.of("sent", "delivered", "read");

    private ReceiptRules() {
    }

    enum Kind { SUCCESS, FALLBACK, WAIT, DONE }

    record Verdict(Kind kind, String why, Instant until) {
    }

    /** Whether a send under this rule waits at its step for receipts (else the journey goes on at once). */
    static boolean awaitsReceipts(Retry rule) {
        return rule != null && !"sent".equals(success(rule));
    }

    /** The success criterion: the one named, else the strongest status a timed fallback looks for, else sent. */
    static String success(Retry rule) {
        if (rule == null) {
            return "sent";
        }
        if (rule.success() != null) {
            return rule.success();
        }
        return rule.fallsBackOn("no-reply") ? "replied" : rule.fallsBackOn("not-read") ? "read"
                : rule.fallsBackOn("not-delivered") ? "delivered" : "sent";
    }

    static boolean reached(String criterion, Enrollment.LastSend s) {
        return switch (criterion) {
            case "sent" -> true;
            case "delivered", "read" -> STATUSES.indexOf(s.status()) >= STATUSES.indexOf(criterion);
            case "replied" -> Boolean.TRUE.equals(s.replied());
            case "clicked" -> Boolean.TRUE.equals(s.clicked());
            default -> Boolean.TRUE.equals(s.converted());
        };
    }

    static Verdict judge(Retry rule, Enrollment.LastSend s, Instant now) {
        String criterion = success(rule);
        if (reached(criterion, s)) {
            return new Verdict(Kind.SUCCESS, "success (" + criterion + ") on " + s.channel(), null);
        }
        List<Instant> pending = new ArrayList<>();
        for (Check check : checks(rule)) {
            if (check.after() == null || reached(check.status(), s)) {
                continue;
            }
            Instant due = s.sentAt().plus(check.after());
            if (!now.isBefore(due)) {
                return new Verdict(Kind.FALLBACK, s.channel() + " " + check.trigger() + " after " + check.after(), null);
            }
            pending.add(due);
        }
        Duration within = rule.successWithin() != null ? rule.successWithin() : null;
        if (within != null && now.isBefore(s.sentAt().plus(within))) {
            pending.add(s.sentAt().plus(within));
        }
        return pending.stream().min(Comparator.naturalOrder())
                .map(until -> new Verdict(Kind.WAIT, "waits for " + criterion + " until " + until, until))
                .orElseGet(() -> new Verdict(Kind.DONE, criterion + " not reached on " + s.channel()
                        + " and no fallback rule is left to apply: the journey goes on", null));
    }

    private record Check(String trigger, String status, Duration after) {
    }

    private static List<Check> checks(Retry rule) {
        List<Check> checks = new ArrayList<>();
        if (rule.fallsBackOn("not-delivered")) {
            checks.add(new Check("not delivered", "delivered", rule.notDeliveredAfter()));
        }
        if (rule.fallsBackOn("not-read")) {
            checks.add(new Check("not read", "read", rule.notReadAfter()));
        }
        if (rule.fallsBackOn("no-reply")) {
            checks.add(new Check("no reply", "replied", rule.noReplyAfter()));
        }
        return checks;
    }
}
