package com.omnicanal.profile.segment;

import com.omnicanal.profile.customer.ActivitySummary;
import com.omnicanal.profile.customer.ConsentEntry;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fields a segment condition may test and the operators each allows:
 * text fields (lifecycleStage, language, timezone): eq, neq, in, exists;
 * numbers (activity.purchases, activity.totalSpent, activity.lastPurchaseAmount): eq, gt, gte, lt, lte;
 * times (activity.lastPurchaseAt, activity.lastActivityAt, activity.lastVisitAt): within_days, older_than_days
 * (a time never reached counts as older); identifier: has (a type); consent: granted ("channel:purpose");
 * preferences.doNotContact: eq.
 */
@Component
class SegmentRules {

    private static final Map<String, Function<Profile, Object>> TEXT = Map.of(
            "lifecycleStage", p -> p.activity().stageAt(Instant.now()), "language", Profile::language,
            "timezone", Profile::timezone);
    private static final Map<String, Function<ActivitySummary, Object>> NUMBERS = Map.of(
            "activity.purchases", ActivitySummary::purchases, "activity.totalSpent", ActivitySummary::totalSpent,
            "activity.lastPurchaseAmount", ActivitySummary::lastPurchaseAmount);
    private static final Map<String, Function<ActivitySummary, Instant>> TIMES = Map.of(
            "activity.lastPurchaseAt", ActivitySummary::lastPurchaseAt,
            "activity.lastActivityAt", ActivitySummary::lastActivityAt,
            "activity.lastVisitAt", ActivitySummary::lastVisitAt);

    boolean matches(Segment segment, Profile profile, Instant now) {
        if (!profile.isActive()) {
            return false;
        }
        return segment.matchAll() ? segment.conditions().stream().allMatch(c -> test(c, profile, now))
                : segment.conditions().stream().anyMatch(c -> test(c, profile, now));
    }

    List<InvalidField> problems(List<Condition> conditions) {
        List<InvalidField> problems = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String path = "conditions[" + i + "]";
            if (!known(c.field())) {
                problems.add(new InvalidField(path + ".field", "unknown field '" + c.field() + "'"));
            } else if (!allowed(c.field()).contains(c.op())) {
                problems.add(new InvalidField(path + ".op", "'" + c.field() + "' allows " + allowed(c.field())));
            } else if (numeric(c) && number(c.value()) == null) {
                problems.add(new InvalidField(path + ".value", "must be a number"));
            }
        }
        return problems;
    }

    private boolean test(Condition c, Profile p, Instant now) {
        if (TEXT.containsKey(c.field())) {
            return text(c, TEXT.get(c.field()).apply(p));
        }
        if (NUMBERS.containsKey(c.field())) {
            return compare(c.op(), number(NUMBERS.get(c.field()).apply(p.activity())), number(c.value()));
        }
        if (TIMES.containsKey(c.field())) {
            Instant at = TIMES.get(c.field()).apply(p.activity());
            Instant limit = now.minus(Duration.ofDays(number(c.value()).longValue()));
            return c.op().equals("within_days") ? at != null && !at.isBefore(limit) : at == null || at.isBefore(limit);
        }
        return switch (c.field()) {
            case "identifier" -> p.identifiers().stream().anyMatch(i -> i.type().equals(String.valueOf(c.value())));
            case "consent" -> {
                ConsentEntry consent = p.consents().get(String.valueOf(c.value()));
                yield consent != null && consent.granted();
            }
            case "preferences.doNotContact" -> p.preferences().doNotContact() == Boolean.parseBoolean(String.valueOf(c.value()));
            default -> false;
        };
    }

    private static boolean text(Condition c, Object actual) {
        return switch (c.op()) {
            case "eq" -> Objects.equals(String.valueOf(c.value()), actual);
            case "neq" -> !Objects.equals(String.valueOf(c.value()), actual);
            case "in" -> c.value() instanceof Collection<?> values && values.stream().map(String::valueOf).anyMatch(v -> v.equals(actual));
            case "exists" -> Boolean.parseBoolean(String.valueOf(c.value())) == (actual != null);
            default -> false;
        };
    }

    private static boolean compare(String op, BigDecimal actual, BigDecimal expected) {
        if (actual == null || expected == null) {
            return false;
        }
        int cmp = actual.compareTo(expected);
        return switch (op) {
            case "eq" -> cmp == 0;
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            case "lt" -> cmp < 0;
            case "lte" -> cmp <= 0;
            default -> false;
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return value == null ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean known(String field) {
        return TEXT.containsKey(field) || NUMBERS.containsKey(field) || TIMES.containsKey(field)
                || List.of("identifier", "consent", "preferences.doNotContact").contains(field);
    }

    private static boolean numeric(Condition c) {
        return NUMBERS.containsKey(c.field()) || TIMES.containsKey(c.field());
    }

    private static List<String> allowed(String field) {
        if (TEXT.containsKey(field)) {
            return List.of("eq", "neq", "in", "exists");
        }
        if (NUMBERS.containsKey(field)) {
            return List.of("eq", "gt", "gte", "lt", "lte");
        }
        if (TIMES.containsKey(field)) {
            return List.of("within_days", "older_than_days");
        }
        return switch (field) {
            case "identifier" -> List.of("has");
            case "consent" -> List.of("granted");
            default -> List.of("eq");
        };
    }
}
