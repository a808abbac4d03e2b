package com.omnicanal.campaign.enrollment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RoundsTest {

    @Test
    void eachRoundHoldsACustomerAtMostOnceAndKeepsTheirOrder() {
        List<String> events = List.of("ana:1", "luis:1", "ana:2", "eva:1", "ana:3", "luis:2");
        Function<String, String> customer = e -> e.substring(0, e.indexOf(':'));

        assertThat(Rounds.of(events, customer)).containsExactly(
                List.of("ana:1", "luis:1", "eva:1"), List.of("ana:2", "luis:2"), List.of("ana:3"));
    }

    @Test
    void noEventsNoRounds() {
        assertThat(Rounds.of(List.<String>of(), Function.identity())).isEmpty();
    }
}
