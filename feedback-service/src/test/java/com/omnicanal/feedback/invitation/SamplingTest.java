package com.omnicanal.feedback.invitation;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingTest {

    @Test
    void aRoundTakesItsShareAndTheNextRoundAFreshSample() {
        Set<String> first = sample("rel-nps@1000", 0.3);
        Set<String> second = sample("rel-nps@2000", 0.3);
        assertThat(first.size()).isBetween(2_700, 3_300);
        assertThat(second.size()).isBetween(2_700, 3_300);
        Set<String> both = new HashSet<>(first);
        both.retainAll(second);
        assertThat(both.size()).as("independent rounds overlap by about 0.3 × 0.3").isBetween(600, 1_200);
        assertThat(sample("rel-nps@1000", 0.3)).as("the same round, the same sample").isEqualTo(first);
        assertThat(sample("rel-nps@1000", 1.0)).hasSize(10_000);
    }

    private static Set<String> sample(String key, double share) {
        Set<String> sampled = new HashSet<>();
        IntStream.range(0, 10_000).mapToObj(i -> "profile-" + i).filter(p -> Invitations.sampled(key, p, share))
                .forEach(sampled::add);
        return sampled;
    }
}
