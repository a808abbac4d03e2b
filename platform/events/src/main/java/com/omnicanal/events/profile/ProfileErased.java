package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A person asked to be forgotten: every service erases what it holds about the profile and confirms. */
@EventType("omni.profile.erased.v1")
public record ProfileErased(String profileId, String requestId, Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
