package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** {@code mergedProfileId} now belongs to {@code profileId}; re-link records from the first to the second. */
@EventType("omni.profile.merged.v1")
public record ProfileMerged(String profileId, String mergedProfileId, String mergeId, String reason, long version,
                            Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
