package com.omnicanal.conversation.sla;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;

/**
 * Targets for conversations of a priority and channel (null = any): first response, next response and resolution,
 * counted in business time on a calendar (none = around the clock), with a warning before each deadline.
 */
@Document("sla_policies")
record SlaPolicy(@Id String id, Integer priority, String channel, Duration firstResponse, Duration nextResponse,
                 Duration resolution, String calendarId, Duration warnBefore) {

    /** How well the policy fits a conversation: -1 when it does not apply; the most specific one wins. */
    int fit(int conversationPriority, String conversationChannel) {
        if ((priority != null && priority != conversationPriority)
                || (channel != null && !channel.equals(conversationChannel))) {
            return -1;
        }
        return (priority != null ? 2 : 0) + (channel != null ? 1 : 0);
    }

    Duration target(String kind) {
        return switch (kind) {
            case SlaClock.FIRST_RESPONSE -> firstResponse;
            case SlaClock.NEXT_RESPONSE -> nextResponse;
            default -> resolution;
        };
    }
}
