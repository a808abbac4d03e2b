package com.omnicanal.conversation.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderThrottlesTest {

    @Test
    void aChannelOverItsRateIsDeferredUntilItHasRoomAndOthersAreUnlimited() {
        ProviderThrottles throttles = new ProviderThrottles(new ChannelsProperties(Set.of(), Map.of("sms", "2/min"),
                Duration.ZERO, "instance"));

        assertThat(throttles.take("sms")).isEmpty();
        assertThat(throttles.take("sms")).isEmpty();
        Instant before = Instant.now();
        Optional<Instant> third = throttles.take("sms");

        assertThat(third).as("a third within the minute waits for the refill, about 30 s").get()
                .satisfies(at -> assertThat(at).isBetween(before.plusSeconds(25), before.plusSeconds(31)));
        assertThat(throttles.take("email")).isEmpty();
        assertThat(throttles.rateOf("sms")).isEqualTo("2/min");
        assertThat(throttles.rateOf("email")).isEqualTo("unlimited");
    }

    @Test
    void aSendWaitsItsTurnWhenTheRoomComesWithinTheWait() {
        ProviderThrottles throttles = new ProviderThrottles(new ChannelsProperties(Set.of(), Map.of("sms", "20/s"),
                Duration.ofSeconds(2), "instance"));

        for (int i = 0; i < 30; i++) { // twenty at once, the next ten within half a second
            assertThat(throttles.take("sms")).as("send %d", i).isEmpty();
        }
    }

    @Test
    void anUnreadableRateStopsTheStartNamingItsKey() {
        assertThatThrownBy(() -> new ProviderThrottles(new ChannelsProperties(Set.of(), Map.of("sms", "fast"),
                Duration.ZERO, "instance"))).hasMessageContaining("omni.channels.throttles.sms").hasMessageContaining("50/s");
        assertThatThrownBy(() -> ProviderThrottles.bandwidth("sms", "0/s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChannelsProperties(Set.of(), Map.of(), Duration.ZERO, "cluster"))
                .hasMessageContaining("omni.channels.throttle-scope");
    }
}
