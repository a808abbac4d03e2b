package com.omnicanal.events.campaign;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A customer reached a journey's goal (e.g. purchased) and left it. */
@EventType("omni.campaign.goal-reached.v1")
public record GoalReached(String profileId, String enrollmentId, String journeyId, String goal, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
