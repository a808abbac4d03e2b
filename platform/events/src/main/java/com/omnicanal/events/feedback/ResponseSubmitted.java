package com.omnicanal.events.feedback;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A customer answered: the score, its category (promoter, passive, detractor; satisfied...) and the context ids. */
@EventType("omni.feedback.response-submitted.v1")
public record ResponseSubmitted(String profileId, String responseId, String surveyId, int version, String kind,
                                Integer score, String category, String channel, String conversationId, String agentId,
                                String storeId, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
