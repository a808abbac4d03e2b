package com.omnicanal.campaign.measurement;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason a suppression is counted under, from the decisions as conversation-service's dispatch words them. */
class SuppressionReasonsTest {

    @Test
    void aProviderThrottleIsCountedAsSuchEvenWhenAnotherChannelLackedConsent() {
        assertThat(SuppressionReasons.of(List.of("sms: not allowed (consent-missing)",
                "email: deferred by the provider's limit of 50/s messages; the channel has room again at "
                        + "2026-11-27T14:00:01Z")))
                .isEqualTo("throttle");
    }

    @Test
    void eachKnownRuleHasItsReasonAndAnythingElseIsOther() {
        assertThat(SuppressionReasons.of(List.of("deferred by the contact-pressure budget: 2 marketing message(s) per "
                + "7 days")))
                .isEqualTo("budget");
        assertThat(SuppressionReasons.of(List.of("email: not allowed (consent-missing)"))).isEqualTo("consent");
        assertThat(SuppressionReasons.of(List.of("refused: no channel may carry this message now"))).isEqualTo("other");
    }
}
