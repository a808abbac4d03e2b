package com.omnicanal.events.campaign;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A customer entered a journey (the version they will follow to the end, and what enrolled them). */
@EventType("omni.campaign.enrolled.v1")
public record Enrolled(String profileId, String enrollmentId, String journeyId, int version, String source,
                       Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
