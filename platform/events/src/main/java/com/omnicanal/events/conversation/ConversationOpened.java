package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A customer's conversation opened (by their first message, an outbound message or a complaint). */
@EventType("omni.conversation.conversation-opened.v1")
public record ConversationOpened(String profileId, String conversationId, String channel, String openedBy,
                                 Instant openedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
