package com.omnicanal.conversation.inbox;

import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderReceipt;
import com.omnicanal.events.conversation.MessageSent;
import com.omnicanal.events.conversation.MessageStatusChanged;
import com.omnicanal.conversation.writes.GroupedWrites;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Outbound messages in the thread: written before the provider is called (status queued), then sent with the
 * provider's id (published as {@code message-sent}) or failed (published as a status change).
 */
@Service
public class Outbound {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    private final Watermarks watermarks;
    private final GroupedWrites grouped;

    Outbound(MongoTemplate mongo, EventOutbox outbox, Watermarks watermarks, GroupedWrites grouped) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.watermarks = watermarks;
        this.grouped = grouped;
    }

    /** Who asked for a message and why: an agent (author), the bot, or a service's dispatch request. */
    public record Origin(String requestId, String purpose, String author, String senderName) {
    }

    public static String newId() {
        return "out:" + UUID.randomUUID();
    }

    public void queue(OutboundMessage m, Origin origin, Instant now) {
        Message queued = new Message(m.messageId(), m.conversationId(), m.profileId(), "outbound", m.channel(), m.kind(),
                origin.senderName(), origin.author(), m.text(), m.subject(), m.attachments(), m.headers(), "queued",
                now, null, origin.requestId(), null, null, now, null, Parties.to(m.channel(), m.address()), null);
        // with the other sends of the moment; both written before the provider is called (a mail's id names its thread)
        grouped.apply(List.of(GroupedWrites.Write.insert(Message.COLLECTION, document(queued)),
                ThreadIndex.appending(m.conversationId(), m.messageId())));
    }

    public void sent(OutboundMessage m, Origin origin, ProviderReceipt receipt, Instant now) {
        MessageSent event = new MessageSent(m.profileId(), m.conversationId(), m.messageId(), origin.requestId(),
                m.channel(), origin.purpose(), m.kind(), now);
        // a provider that knows the message by our own id (our mail's Message-ID, the web chat) needs no link to it
        boolean named = Deliveries.namedByUs(receipt.providerMessageId(), m.messageId());
        // the receipt's provider id and the status, in one group with the other sends of the moment and their events
        grouped.publish(Message.COLLECTION, new EventOutbox.Keyed(m.messageId(), event), mark -> {
            GroupedWrites.Write status = GroupedWrites.Write.raw(Message.COLLECTION, new Document("_id", m.messageId())
                    .append("status", "queued"), sentMark(receipt.providerMessageId(), mark, now), false);
            return named ? List.of(status) : List.of(
                    // a taken key: a provider that reuses ids (e.g. Telegram's per-chat counter) is keyed with the chat
                    GroupedWrites.Write.insert(Deliveries.PROVIDER_IDS, new org.bson.Document("_id", m.channel() + ":"
                            + receipt.providerMessageId()).append("messageId", m.messageId())), status);
        }, named ? 0 : 1);
        watermarks.sent(m.channel(), m.address(), m.messageId());
        if (origin.author() != null && !origin.author().startsWith("bot")) {
            agentAnswered(m.conversationId(), now);
        }
    }

    /** The {@code sent} status with the provider's id and the event's mark, as Spring Data would send the update. */
    static Document sentMark(String providerMessageId, String mark, Instant now) {
        return new Document("$set", new Document("status", "sent").append("statusAt", Date.from(now))
                .append("providerMessageId", providerMessageId))
                .append("$push", new Document(PendingEvents.FIELD, new Document("$each", new ArrayList<>(List.of(mark)))));
    }

    /** The queued message as stored, built by hand as the converter writes it (headers it must escape: converted). */
    private Document document(Message queued) {
        if (!InboundDocuments.hasHeaders(queued)) {
            return InboundDocuments.message(queued, null);
        }
        Document converted = new Document();
        mongo.getConverter().write(queued, converted);
        return converted;
    }

    public void failed(OutboundMessage m, Origin origin, String error, Instant now) {
        MessageStatusChanged event = new MessageStatusChanged(m.profileId(), m.conversationId(), m.messageId(),
                origin.requestId(), m.channel(), "failed", error, now);
        outbox.publish(Message.COLLECTION, m.messageId(), event, pending -> mongo.updateFirst(
                query(where("_id").is(m.messageId()).and("status").is("queued")), pending.mark(new Update()
                        .set("status", "failed").set("statusAt", now).set("error", error)), Message.class)
                .getModifiedCount() == 1 ? true : null);
    }

    /** An agent's reply: the first response is recorded once, and the customer is no longer waiting. */
    private void agentAnswered(String conversationId, Instant now) {
        mongo.updateFirst(query(where("_id").is(conversationId)), new Update().min("firstResponseAt", now)
                .unset("awaitingReplySince"), Conversation.class);
    }

    /** An internal note for colleagues (with @mentions); never sent to the customer. */
    public Message note(String conversationId, String profileId, String author, String text,
                        java.util.List<String> mentions, java.util.List<OutboundMessage.Attachment> attachments) {
        return note("note:" + UUID.randomUUID(), conversationId, profileId, author, text, mentions, attachments);
    }

    /** A note under a key of the caller's (a taken key: written before), so a replayed handler writes it once. */
    public Message note(String id, String conversationId, String profileId, String author, String text,
                        java.util.List<String> mentions, java.util.List<OutboundMessage.Attachment> attachments) {
        Instant now = Instant.now();
        Message note = new Message(id, conversationId, profileId, "note", "internal", "note",
                author, author, text, null, attachments, Map.of(), null, now, null, null, null, mentions, now, null, null, null);
        Conversations.ignoreDuplicate(() -> mongo.insert(note));
        ThreadIndex.append(mongo, conversationId, note.id());
        return note;
    }
}
