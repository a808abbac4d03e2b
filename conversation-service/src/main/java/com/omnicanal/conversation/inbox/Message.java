package com.omnicanal.conversation.inbox;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.Set;

/** A message in a conversation; {@code _id} is {@code <channel>:<provider message id>}, so a replay is recognised. */
@Document(Message.COLLECTION)
record Message(@Id String id, String conversationId, String profileId, String direction, String channel,
               String senderName, String text, Instant at, @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "messages";
}
