package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A message went out to a customer on a channel (free-form, tappable choices or template), for a dispatch request. */
@EventType("omni.conversation.message-sent.v1")
public record MessageSent(String profileId, String conversationId, String messageId, String requestId, String channel,
                          String purpose, String kind, Instant sentAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
