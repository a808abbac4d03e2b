package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.MessageStatusChanged;
import com.omnicanal.support.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Delivery statuses reported by providers (sent, delivered, read, failed), matched by the provider's message id.
 * Callbacks arrive out of order and more than once: a status only ever moves forward, each change published once.
 */
@Service
public class Deliveries {

    static final String PROVIDER_IDS = "provider_ids";
    private static final List<String> ORDER = List.of("queued", "sent", "delivered", "read");

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    Deliveries(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        // status changes are compare-and-set on {_id, status}: the embedded store indexes only that exact key set
        mongo.indexOps(Message.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).unique().named("id_status"));
    }

    /** Applies a provider's status; false when the message is unknown here (not ours, or erased). */
    public boolean update(String channel, String providerMessageId, String status, String error, Instant at) {
        Document link = mongo.findById(channel + ":" + providerMessageId, Document.class, PROVIDER_IDS);
        if (link != null) {
            return advance(link.getString("messageId"), channel, status, error, at);
        }
        String named = ourId(providerMessageId);
        return named != null && advance(named, providerMessageId, channel, status, error, at);
    }

    /** Whether the provider knows the message by our own id: its receipt needs no link document. */
    static boolean namedByUs(String providerMessageId, String messageId) {
        return messageId.equals(ourId(providerMessageId));
    }

    /** The message a provider id of ours names: the message id itself (web chat), or our mail's Message-ID. */
    private static String ourId(String providerMessageId) {
        if (providerMessageId == null) {
            return null;
        }
        return providerMessageId.startsWith("out:") ? providerMessageId
                : MailIds.messageOf(providerMessageId).orElse(null);
    }

    /** Moves one of our messages forward to {@code status}; false when it is not here. */
    boolean advance(String messageId, String channel, String status, String error, Instant at) {
        return advance(messageId, null, channel, status, error, at);
    }

    /**
     * As above; {@code receipt}, when given, is the provider id the message must have been sent with on that channel:
     * an id of ours is never taken on its word.
     */
    private boolean advance(String messageId, String receipt, String channel, String status, String error, Instant at) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Message m = mongo.findById(messageId, Message.class);
            if (m == null || receipt != null && !(channel.equals(m.channel()) && receipt.equals(m.providerMessageId()))) {
                return false;
            }
            if (!advances(m.status(), status)) {
                return true;
            }
            MessageStatusChanged event = new MessageStatusChanged(m.profileId(), m.conversationId(), m.id(),
                    m.requestId(), channel, status, error, at);
            Boolean changed = outbox.publish(Message.COLLECTION, m.id(), event, pending -> mongo.updateFirst(
                    query(where("_id").is(m.id()).and("status").is(m.status())), pending.mark(new Update()
                            .set("status", status).set("statusAt", at).set("error", error)), Message.class)
                    .getModifiedCount() == 1 ? true : null);
            if (changed != null) {
                return true;
            }
        }
        return true;
    }

    static boolean advances(String current, String next) {
        if ("failed".equals(next)) {
            return "queued".equals(current) || "sent".equals(current);
        }
        int from = ORDER.indexOf(current);
        int to = ORDER.indexOf(next);
        return from >= 0 && to > from;
    }
}
