package com.omnicanal.support.timer;

import com.omnicanal.support.fixture.SupportTestApplication;
import com.omnicanal.testing.InfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With {@code omni.timers.batch} set, a second's timers come as batches of at most that many, each timer once. */
@SpringBootTest(classes = {SupportTestApplication.class, TimersBatchIT.Fired.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"omni.timers.enabled=true", "omni.timers.batch=2", "omni.timers.parallelism=2"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class TimersBatchIT {

    @Autowired
    Timers timers;
    @Autowired
    Queue<TimersDue> fired;

    @Test
    void aSecondsTimersFireInBatchesOfAtMostTheConfiguredSizeEachOnce() {
        String subject = "batched-" + UUID.randomUUID();
        timers.scheduleAll(subject, List.of("a", "b", "c", "d", "e"), Instant.now().plusSeconds(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> ofSubject(subject).size() >= 5);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> ofSubject(subject).size() == 5);
        assertThat(ofSubject(subject)).extracting(TimerDue::token).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(fired).allSatisfy(batch -> assertThat(batch.timers()).hasSizeBetween(1, 2));
    }

    private List<TimerDue> ofSubject(String subject) {
        return fired.stream().flatMap(b -> b.timers().stream()).filter(t -> t.subject().equals(subject)).toList();
    }

    @TestConfiguration
    static class Fired {

        private final Queue<TimersDue> fired = new ConcurrentLinkedQueue<>();

        @Bean
        Queue<TimersDue> firedBatches() {
            return fired;
        }

        @EventListener
        void on(TimersDue due) {
            fired.add(due);
        }
    }
}
