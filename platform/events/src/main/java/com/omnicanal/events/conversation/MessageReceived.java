package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * A customer's message arrived on a channel and joined their conversation (no body: it stays in the inbox).
 */
@EventType("omni.conversation.message-received.v1")
public record MessageReceived(String profileId, String conversationId, String messageId, String channel,
                              Instant receivedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
