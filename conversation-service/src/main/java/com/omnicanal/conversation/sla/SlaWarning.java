package com.omnicanal.conversation.sla;

import java.time.Instant;

/** Told in-process (to the agents' live feed) when an SLA deadline is near. */
public record SlaWarning(String conversationId, String profileId, String target, Instant dueAt) {
}
