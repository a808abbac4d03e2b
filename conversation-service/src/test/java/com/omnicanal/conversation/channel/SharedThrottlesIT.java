package com.omnicanal.conversation.channel;

import com.omnicanal.testing.OmniServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider's rate kept in the store: two instances of the service draw on one bucket, never each on its own. */
@OmniServiceTest
class SharedThrottlesIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void twoInstancesShareTheProvidersRate() {
        String channel = "sms-" + UUID.randomUUID().toString().substring(0, 8); // a bucket of this test's own
        ProviderThrottles first = instance(channel, "2/min");
        ProviderThrottles second = instance(channel, "2/min");

        assertThat(first.take(channel)).isEmpty();
        assertThat(second.take(channel)).as("the second instance takes the rate's second message").isEmpty();
        Instant before = Instant.now();

        assertThat(first.take(channel)).as("the first instance's third: deferred to the refill")
                .get().satisfies(at -> assertThat(at).isBetween(before.plusSeconds(25), before.plusSeconds(31)));
        assertThat(second.take(channel)).as("the second instance's too: the bucket is one").isPresent();
    }

    @Test
    void concurrentTakesOnTwoInstancesNeverExceedTheRate() throws Exception {
        String channel = "whatsapp-" + UUID.randomUUID().toString().substring(0, 8);
        List<ProviderThrottles> instances = List.of(instance(channel, "25/h"), instance(channel, "25/h"));
        List<Future<Optional<Instant>>> takes = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 60; i++) {
                ProviderThrottles on = instances.get(i % 2);
                takes.add(callers.submit(() -> on.take(channel)));
            }
        }
        long granted = 0;
        for (Future<Optional<Instant>> take : takes) {
            granted += take.get().isEmpty() ? 1 : 0;
        }

        assertThat(granted).as("60 concurrent takes from two instances at 25 an hour (refill: one per 144 s)")
                .isEqualTo(25);
    }

    @Test
    void aChangedRateStartsABucketOfItsOwn() {
        String channel = "email-" + UUID.randomUUID().toString().substring(0, 8);
        ProviderThrottles before = instance(channel, "1/min");
        assertThat(before.take(channel)).isEmpty();
        assertThat(before.take(channel)).isPresent();

        ProviderThrottles after = instance(channel, "5/min");

        assertThat(after.take(channel)).as("a raised limit is not held back by the old bucket's state").isEmpty();
        assertThat(after.rateOf(channel)).isEqualTo("5/min");
    }

    private ProviderThrottles instance(String channel, String rate) {
        return new ProviderThrottles(new ChannelsProperties(Set.of(), Map.of(channel, rate), Duration.ZERO, "shared"),
                mongo);
    }
}
