package com.omnicanal.campaign.journey;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One immutable version of a journey ({@code _id} journey:version): enrolments keep the version they started in. */
@Document("journey_versions")
record JourneyVersion(@Id String id, String journeyId, int version, JourneyDefinition definition, Instant createdAt,
                      String createdBy) {

    static String key(String journeyId, int version) {
        return journeyId + ":" + version;
    }
}
