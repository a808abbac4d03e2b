package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/** A merge was undone: {@code restoredProfileId} exists again with the identifiers listed. */
@EventType("omni.profile.unmerged.v1")
public record ProfileUnmerged(String profileId, String restoredProfileId, String mergeId,
                              List<String> restoredIdentifiers, long version, Instant occurredAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
