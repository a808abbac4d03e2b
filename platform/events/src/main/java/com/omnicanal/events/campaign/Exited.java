package com.omnicanal.events.campaign;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A customer left a journey: completed, goal, complaint, opt-out or erasure. */
@EventType("omni.campaign.exited.v1")
public record Exited(String profileId, String enrollmentId, String journeyId, String reason, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
