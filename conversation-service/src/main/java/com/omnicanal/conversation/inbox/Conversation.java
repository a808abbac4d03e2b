package com.omnicanal.conversation.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/** One customer's conversation, whatever the channels it runs over. */
@Document(Conversation.COLLECTION)
record Conversation(@Id String id, String profileId, String status, Set<String> channels, String lastInboundChannel,
                    Instant openedAt, Instant lastMessageAt, java.util.Map<String, Instant> lastInboundAt) {

    static final String COLLECTION = "conversations";
}
