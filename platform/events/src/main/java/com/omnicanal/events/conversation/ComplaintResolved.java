package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** A complaint was resolved; promotions may resume once the profile has no other open complaint. */
@EventType("omni.conversation.complaint-resolved.v1")
public record ComplaintResolved(String profileId, String conversationId, String complaintId, String category,
                                String resolution, Instant resolvedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
