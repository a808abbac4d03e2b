package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A customer profile came into existence; consumers keep the contact in their read models. */
@EventType("omni.profile.created.v1")
public record ProfileCreated(String profileId, String name, String email, String phone, long version,
                             Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
