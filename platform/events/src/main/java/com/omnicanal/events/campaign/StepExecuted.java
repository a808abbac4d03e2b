package com.omnicanal.events.campaign;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * A journey step ran for a customer: its phase, type, outcome (sent, deferred, suppressed, held, failed) and channel.
 */
@EventType("omni.campaign.step-executed.v1")
public record StepExecuted(String profileId, String enrollmentId, String journeyId, String phase, String step,
                           String type, String outcome, String channel, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
