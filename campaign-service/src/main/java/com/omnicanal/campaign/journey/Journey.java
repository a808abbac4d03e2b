package com.omnicanal.campaign.journey;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A journey's current state (draft, active, paused, archived), the version customers are enrolled in, the newest
 * version designed, and its trigger copied out so matching an event reads no definition.
 */
@Document(Journey.COLLECTION)
public record Journey(@Id String id, String name, String state, int activeVersion, int latestVersion,
                      String triggerType, String activityType, String segmentId, Instant updatedAt, String updatedBy) {

    static final String COLLECTION = "journeys";

    public boolean isActive() {
        return "active".equals(state);
    }
}
