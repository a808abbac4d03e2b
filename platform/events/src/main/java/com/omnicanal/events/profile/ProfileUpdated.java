package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A profile's contact card changed (name, main email or phone, language, time zone); carries the new state. */
@EventType("omni.profile.updated.v1")
public record ProfileUpdated(String profileId, String name, String email, String phone, String language,
                             String timezone, long version, Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
