package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * A conversation was resolved, with its first-response and resolution times in seconds (null when there was no agent reply).
 */
@EventType("omni.conversation.conversation-resolved.v1")
public record ConversationResolved(String profileId, String conversationId, String agentId, String teamId,
                                   String lastChannel, Long firstResponseSeconds, long resolutionSeconds,
                                   Instant resolvedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
