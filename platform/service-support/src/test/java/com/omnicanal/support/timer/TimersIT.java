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

/** Timers scheduled one by one and many at once fire once each, at their time and not before. */
@SpringBootTest(classes = {SupportTestApplication.class, TimersIT.Fired.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "omni.timers.enabled=true")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class TimersIT {

    @Autowired
    Timers timers;
    @Autowired
    Queue<TimerDue> fired;

    @Test
    void manyTokensScheduledInOneWriteEachFireOnceAtTheirTime() {
        String subject = "batch-" + UUID.randomUUID();
        List<String> tokens = List.of("a", "b", "c");
        Instant at = Instant.now().plusSeconds(2);

        timers.scheduleAll(subject, tokens, at);
        timers.schedule(subject, "d", at);
        timers.scheduleAll(subject, List.of(), at); // nothing to schedule: no write, no error

        await().atMost(Duration.ofSeconds(20)).until(() -> ofSubject(subject).size() >= 4);
        assertThat(Instant.now()).isAfterOrEqualTo(at.minusMillis(1_000)); // the bucket's second, never earlier
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> ofSubject(subject).size() == 4); // and each once
        assertThat(ofSubject(subject)).extracting(TimerDue::token).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void timersScheduledConcurrentlyAreWrittenTogetherAndEachFiresOnce() {
        String prefix = "concurrent-" + UUID.randomUUID() + "-";
        Instant at = Instant.now().plusSeconds(2);
        try (var each = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 60; i++) {
                String subject = prefix + i;
                Instant due = i % 2 == 0 ? at : at.plusSeconds(1); // two seconds' buckets in the same writes
                each.submit(() -> timers.schedule(subject, "t", due));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> withPrefix(prefix).size() >= 60);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> withPrefix(prefix).size() == 60);
        assertThat(withPrefix(prefix)).extracting(TimerDue::subject).doesNotHaveDuplicates();
    }

    private List<TimerDue> withPrefix(String prefix) {
        return fired.stream().filter(t -> t.subject().startsWith(prefix)).toList();
    }

    private List<TimerDue> ofSubject(String subject) {
        return fired.stream().filter(t -> t.subject().equals(subject)).toList();
    }

    @TestConfiguration
    static class Fired {

        private final Queue<TimerDue> fired = new ConcurrentLinkedQueue<>();

        @Bean
        Queue<TimerDue> firedTimers() {
            return fired;
        }

        @EventListener
        void on(TimerDue due) {
            fired.add(due);
        }
    }
}
