package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * The provider reported a delivery status for an outbound message (sent, delivered, read, failed); never goes backwards.
 */
@EventType("omni.conversation.message-status-changed.v1")
public record MessageStatusChanged(String profileId, String conversationId, String messageId, String requestId,
                                   String channel, String status, String error, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
