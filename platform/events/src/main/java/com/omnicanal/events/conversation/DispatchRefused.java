package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * A dispatch request was refused or deferred: no channel may carry it now; the reasons say why, deferredUntil when it may go.
 */
@EventType("omni.conversation.dispatch-refused.v1")
public record DispatchRefused(String profileId, String requestId, String purpose, String status,
                              List<String> reasons, Instant deferredUntil, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
