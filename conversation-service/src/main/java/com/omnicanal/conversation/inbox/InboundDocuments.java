package com.omnicanal.conversation.inbox;

import com.omnicanal.conversation.channel.OutboundMessage.Attachment;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inbound batch's store documents built by hand, as Spring Data's converter would write them (same fields, same
 * types; {@code InboundDocumentsTest} compares them) but without the {@code _class} type hint, which nothing reads (one
 * class per collection): mapping each message and each update through Spring Data was most of the inbound writer's CPU
 * beside the driver itself (profiled).
 */
final class InboundDocuments {


    private InboundDocuments() {
    }

    /**
     * Whether the converter must write the message: a header key with a dot or a leading {@code $} is the converter's
     * to check and escape (plain keys, such as our own mail's Message-ID, In-Reply-To and References, are written as is).
     */
    static boolean hasHeaders(Message m) {
        return m.headers() != null && m.headers().keySet().stream().anyMatch(k -> k.contains(".") || k.startsWith("$"));
    }

    /**
     * A message whose headers are plain (see {@link #hasHeaders}) as stored, carrying its event's outbox mark (null:
     * none yet, as an outbound message is queued).
     */
    static Document message(Message m, String mark) {
        Document d = new Document("_id", m.id());
        put(d, "conversationId", m.conversationId());
        put(d, "profileId", m.profileId());
        put(d, "direction", m.direction());
        put(d, "channel", m.channel());
        put(d, "kind", m.kind());
        put(d, "senderName", m.senderName());
        put(d, "author", m.author());
        put(d, "text", m.text());
        put(d, "subject", m.subject());
        if (m.attachments() != null) {
            List<Document> attachments = new ArrayList<>(m.attachments().size());
            for (Attachment a : m.attachments()) {
                Document attachment = new Document();
                put(attachment, "name", a.name());
                put(attachment, "contentType", a.contentType());
                attachment.put("size", a.size());
                put(attachment, "url", a.url());
                attachments.add(attachment);
            }
            d.put("attachments", attachments);
        }
        if (m.headers() != null) {
            Document headers = new Document();
            m.headers().forEach(headers::put);
            d.put("headers", headers);
        }
        put(d, "status", m.status());
        put(d, "statusAt", date(m.statusAt()));
        put(d, "providerMessageId", m.providerMessageId());
        put(d, "requestId", m.requestId());
        put(d, "error", m.error());
        put(d, "mentions", m.mentions() == null ? null : new ArrayList<>(m.mentions()));
        put(d, "at", date(m.at()));
        put(d, "replyId", m.replyId());
        put(d, "parties", m.parties() == null ? null : new ArrayList<>(m.parties()));
        if (mark != null) {
            d.put(PendingEvents.FIELD, new ArrayList<>(List.of(mark)));
        }
        return d;
    }

    /** {@link Inbox#touch} as a plain update document: what the customer's new messages change on their conversation. */
    static Document touch(Conversation conversation, List<Message> messages) {
        Message last = messages.getLast();
        Document set = new Document("lastInboundChannel", last.channel());
        Document max = new Document();
        Instant latest = messages.getFirst().at();
        Instant earliest = latest;
        Map<String, Instant> perChannel = new LinkedHashMap<>();
        List<String> channels = new ArrayList<>();
        for (Message m : messages) {
            latest = m.at().isAfter(latest) ? m.at() : latest;
            earliest = m.at().isBefore(earliest) ? m.at() : earliest;
            perChannel.merge(m.channel(), m.at(), (a, b) -> a.isAfter(b) ? a : b);
            if (!channels.contains(m.channel())) {
                channels.add(m.channel());
            }
        }
        max.put("lastMessageAt", date(latest));
        perChannel.forEach((channel, at) -> max.put("lastInboundAt." + channel, date(at)));
        if (conversation.awaitingReplySince() == null) { // the clock of the next response starts
            set.put("awaitingReplySince", date(earliest));
        }
        Document update = new Document("$addToSet", new Document("channels", new Document("$each", channels)))
                .append("$set", set).append("$max", max);
        if (!"open".equals(conversation.status()) && !conversation.isResolved()) {
            set.put("status", "open"); // the customer answered: back to work
            update.append("$unset", new Document("snoozedUntil", 1));
        }
        return update;
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) { // the converter leaves nulls out
            d.put(field, value);
        }
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
