package com.omnicanal.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Tuning of the outbox relay. */
@ConfigurationProperties("omni.outbox")
public record OutboxProperties(
        @DefaultValue("5s") Duration recoveryInterval,
        @DefaultValue("2s") Duration recoveryMinAge,
        @DefaultValue("60s") Duration abandonAfter,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration confirmTimeout,
        // aggregates written once with one event (activities, messages): their mark stays after publication, since
        // the outbox entry it names is gone and nothing else is ever added — one store write fewer per event
        @DefaultValue("") java.util.Set<String> writeOnceCollections) {
}
