package com.omnicanal.support.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Forgets processed-event claims older than the retention (no TTL indexes on the embedded store): redeliveries come
 * within minutes, so a week is far beyond what deduplication needs.
 */
class ProcessedEventsPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPurge.class);

    private final MongoTemplate mongo;
    private final Duration retention;
    private ScheduledExecutorService scheduler;

    ProcessedEventsPurge(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        this.retention = retention;
    }

    long purge() {
        return mongo.remove(query(where("state").is(ProcessedEvent.State.DONE).and("at")
                .lt(Instant.now().minus(retention))), ProcessedEvent.class).getDeletedCount();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("omni-processed-purge").daemon().factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                log.warn("purging processed events failed: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
