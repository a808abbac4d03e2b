package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * A complaint was opened on a customer's conversation: promotions to the profile are held until it is resolved.
 */
@EventType("omni.conversation.complaint-opened.v1")
public record ComplaintOpened(String profileId, String conversationId, String complaintId, String category,
                              String severity, String source, Instant openedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
