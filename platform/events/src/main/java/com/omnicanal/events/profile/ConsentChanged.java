package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A consent for one channel and purpose changed; {@code state} is granted, denied or revoked. */
@EventType("omni.profile.consent-changed.v1")
public record ConsentChanged(String profileId, String channel, String purpose, String state, String previousState,
                             String source, long version, Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
