package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * A conversation was assigned to an agent (by routing or by a supervisor); agentId is null when put back in the queue.
 */
@EventType("omni.conversation.conversation-assigned.v1")
public record ConversationAssigned(String profileId, String conversationId, String agentId, String teamId,
                                   String assignedBy, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
