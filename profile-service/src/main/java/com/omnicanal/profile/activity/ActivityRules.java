package com.omnicanal.profile.activity;

import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What each activity type needs beyond its shape: orders for purchases, a known schema for custom types. */
@Component
class ActivityRules {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ActivityTypes types;

    ActivityRules(ActivityTypes types) {
        this.types = types;
    }

    List<InvalidField> check(ActivityInput input, String path, boolean mayUseProfileId) {
        List<InvalidField> problems = new ArrayList<>();
        if (input.occurredAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            problems.add(new InvalidField(path + ".occurredAt", "is in the future"));
        }
        customer(input.customer(), path + ".customer", mayUseProfileId).ifPresent(problems::add);
        switch (input.type()) {
            case "purchase" -> {
                require(input.orderId(), path + ".orderId", problems);
                require(input.amount(), path + ".amount", problems);
                require(input.currency(), path + ".currency", problems);
            }
            case "delivery", "return" -> require(input.orderId(), path + ".orderId", problems);
            default -> custom(input, path, problems);
        }
        return problems;
    }

    private void custom(ActivityInput input, String path, List<InvalidField> problems) {
        if (!input.type().startsWith("custom:")) {
            return;
        }
        Optional<List<String>> schemaProblems = types.problems(input.type(), input.attributes());
        if (schemaProblems.isEmpty()) {
            problems.add(new InvalidField(path + ".type", input.type() + " is not a registered activity type"));
        } else {
            schemaProblems.get().forEach(p -> problems.add(new InvalidField(path + ".attributes", p)));
        }
    }

    private static Optional<InvalidField> customer(ActivityInput.CustomerRef customer, String path, boolean mayUseProfileId) {
        boolean byId = customer.profileId() != null && !customer.profileId().isBlank();
        boolean byIdentifiers = customer.identifiers() != null && !customer.identifiers().isEmpty();
        if (byId == byIdentifiers) {
            return Optional.of(new InvalidField(path, "give either profileId or identifiers"));
        }
        if (byId && !mayUseProfileId) {
            return Optional.of(new InvalidField(path + ".profileId", "partners identify customers by identifiers"));
        }
        return Optional.empty();
    }

    private static void require(Object value, String field, List<InvalidField> problems) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(new InvalidField(field, "is required for this activity type"));
        }
    }
}
