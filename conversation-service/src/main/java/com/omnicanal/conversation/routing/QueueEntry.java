package com.omnicanal.conversation.routing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A conversation waiting for an agent: lower priority number first (complaints 0, VIPs 1), then oldest first. */
@Document(QueueEntry.COLLECTION)
record QueueEntry(@Id String conversationId, int priority, Instant enqueuedAt, String channel, String teamId,
                  String language) {

    static final String COLLECTION = "routing_queue";
}
