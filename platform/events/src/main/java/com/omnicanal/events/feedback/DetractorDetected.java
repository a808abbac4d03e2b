package com.omnicanal.events.feedback;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A detractor answer (NPS ≤ 6, CSAT ≤ 2, CES ≥ 5): the closed loop opened a recovery case for it. */
@EventType("omni.feedback.detractor-detected.v1")
public record DetractorDetected(String profileId, String responseId, String surveyId, String kind, Integer score,
                                String complaintId, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
