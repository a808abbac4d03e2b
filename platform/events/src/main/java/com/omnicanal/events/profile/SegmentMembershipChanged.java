package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A profile entered ({@code member}) or left a dynamic segment. */
@EventType("omni.profile.segment-membership-changed.v1")
public record SegmentMembershipChanged(String profileId, String segmentId, boolean member, Instant occurredAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
