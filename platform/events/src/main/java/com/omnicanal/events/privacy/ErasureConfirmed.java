package com.omnicanal.events.privacy;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * A service erased what it held about a profile. Every service publishes it on its own exchange: the {@code *} in
 * its type is the publishing context ({@code omni.conversation.erasure-confirmed.v1}, …).
 */
@EventType("omni.*.erasure-confirmed.v1")
public record ErasureConfirmed(String profileId, String requestId, String service, Instant occurredAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
