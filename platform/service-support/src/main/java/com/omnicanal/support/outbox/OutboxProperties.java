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
        // collections whose documents carry a few events in their life (an activity, a message and its receipts):
        // marks stay after publication (the entries they name are gone) — one store write fewer per event
        @DefaultValue("") java.util.Set<String> keepMarksIn) {
}
