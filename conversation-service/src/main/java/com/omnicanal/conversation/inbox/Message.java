package com.omnicanal.conversation.inbox;

import com.omnicanal.conversation.channel.OutboundMessage.Attachment;
import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message in a conversation. Inbound ones have {@code _id} {@code <channel>:<provider message id>}, so a replay is
 * recognised; outbound ones {@code out:<uuid>}, with the provider's id and a delivery status that only moves forward.
 * Notes are internal ({@code direction} note) and never leave the console. {@code replyId}: the tapped choice's id;
 * {@code parties}: the customer's identifier keys it came from or went to (see {@link Parties}).
 */
@Document(Message.COLLECTION)
public record Message(@Id String id, String conversationId, String profileId, String direction, String channel,
                      String kind, String senderName, String author, String text, String subject,
                      List<Attachment> attachments, Map<String, String> headers, String status, Instant statusAt,
                      String providerMessageId, String requestId, String error, List<String> mentions, Instant at,
                      String replyId, List<String> parties, @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "messages";
}
