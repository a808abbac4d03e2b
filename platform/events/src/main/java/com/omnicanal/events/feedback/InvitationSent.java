package com.omnicanal.events.feedback;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A survey invitation went to a customer (the channel and why it was sent: trigger and context ids). */
@EventType("omni.feedback.invitation-sent.v1")
public record InvitationSent(String profileId, String invitationId, String surveyId, int version, String channel,
                             String trigger, String conversationId, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
