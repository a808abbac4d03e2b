package com.omnicanal.profile.activity;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand check never passes what the bean constraints reject: "certainly valid" implies no violation. */
class PlainActivitiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static Stream<ActivityInput> activities() {
        ActivityInput.CustomerRef byEmail = new ActivityInput.CustomerRef(null,
                List.of(new ActivityInput.Identifier("email", "ana@example.com", false)));
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        return Stream.of(
                activity("a-1", "purchase", byEmail, new BigDecimal("25"), "EUR"),
                activity("a-2", "custom:loyalty_join", byEmail, null, null),
                activity(" a-3", "purchase", byEmail, null, null), // leading blank: fine for the validator too
                activity("\u00a0", "purchase", byEmail, null, null), // a no-break space only: blank
                activity("a-4", "Purchase", byEmail, null, null),
                activity("a-5", "purchase", byEmail, new BigDecimal("-1"), "EUR"),
                activity("a-6", "purchase", byEmail, null, "eur"),
                activity("a-7", "purchase", new ActivityInput.CustomerRef(null,
                        List.of(new ActivityInput.Identifier("email", " ", false))), null, null),
                activity("a-8", "purchase", null, null, null),
                new ActivityInput("a-9", "purchase", null, byEmail, null, null, null, null, null, null, null),
                new ActivityInput("x".repeat(101), "purchase", at, byEmail, null, null, null, null, null, null, Map.of()));
    }

    private static ActivityInput activity(String id, String type, ActivityInput.CustomerRef customer, BigDecimal amount,
                                          String currency) {
        return new ActivityInput(id, type, Instant.parse("2026-11-26T10:00:00Z"), customer, "store", "madrid-01",
                "o-1", null, amount, currency, Map.of());
    }

    @org.junit.jupiter.api.Test
    void aCleanPurchaseTakesTheHandCheck() {
        assertThat(PlainActivities.certainlyValid(activities().findFirst().orElseThrow())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("activities")
    void certainlyValidOnlyWhenTheValidatorAgrees(ActivityInput activity) {
        if (PlainActivities.certainlyValid(activity)) {
            assertThat(VALIDATOR.validate(activity)).isEmpty();
        }
    }
}
