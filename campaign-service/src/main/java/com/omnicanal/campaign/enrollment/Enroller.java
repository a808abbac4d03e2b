package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/** Enrols one customer and runs their first steps: the entry point for broadcasts and other bulk enrolments. */
@Component
public class Enroller {

    private final Enrollments enrollments;
    private final Engine engine;

    Enroller(Enrollments enrollments, Engine engine) {
        this.enrollments = enrollments;
        this.engine = engine;
    }

    /**
     * True when the customer is enrolled by this trigger — now, or already by an earlier delivery of the same trigger
     * (a resumed broadcast); false when the re-entry rule said no.
     */
    public boolean enrol(Journey journey, JourneyDefinition d, String profileId, String triggerId, String source) {
        return enrollments.enroll(journey, d, profileId, triggerId, Map.of(), source, Instant.now())
                .map(e -> {
                    engine.run(e.id());
                    return true;
                }).orElseGet(() -> enrollments.find(Enrollments.idFor(journey.id(), profileId, triggerId)).isPresent());
    }
}
