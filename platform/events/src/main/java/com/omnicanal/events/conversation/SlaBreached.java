package com.omnicanal.events.conversation;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/** An SLA target (first-response, next-response or resolution) passed its deadline without being met. */
@EventType("omni.conversation.sla-breached.v1")
public record SlaBreached(String profileId, String conversationId, String target, String policyId, Instant dueAt,
                          Instant breachedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
