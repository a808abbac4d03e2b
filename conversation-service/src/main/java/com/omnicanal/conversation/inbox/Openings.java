package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.ConversationOpened;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
import com.omnicanal.support.batch.BulkInserts;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * New conversations for customers with none yet, many at once: their pointers claimed in one unordered insert (a taken
 * key: another writer claimed it first), then the conversations and their {@code conversation-opened} in one outbox
 * bulk — the single open's steps and crash behaviour (pointer first), in two writes instead of two per customer.
 * Both written as plain driver documents (no Spring Data mapping).
 */
final class Openings {

    /** A customer who needs a new conversation, and what opens it. */
    record Opening(String profileId, String channel, String openedBy, String status, String storeId,
                   Map<String, Instant> lastInbound) {
    }

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    Openings(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Profile id → its new conversation, for the openings whose pointer this call claimed (the others are left out). */
    Map<String, Conversation> openAll(List<Opening> openings, Instant now) {
        List<Conversation> fresh = openings.stream().map(o -> conversation(o, UUID.randomUUID().toString(), now)).toList();
        Set<Integer> claimed = BulkInserts.insertNew(mongo, CurrentConversation.COLLECTION,
                fresh.stream().map(c -> pointer(c.profileId(), c.id())).toList());
        List<Conversation> mine = new ArrayList<>();
        List<EventOutbox.Keyed> events = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (claimed.contains(i)) {
                Conversation c = fresh.get(i);
                mine.add(c);
                events.add(new EventOutbox.Keyed(c.id(), new ConversationOpened(c.profileId(), c.id(),
                        openings.get(i).channel(), openings.get(i).openedBy(), now)));
            }
        }
        outbox.publishAll(Conversation.COLLECTION, events, marks -> BulkInserts.insertNew(mongo,
                Conversation.COLLECTION, marked(mine, marks)));
        Map<String, Conversation> opened = new LinkedHashMap<>();
        mine.forEach(c -> opened.put(c.profileId(), c));
        return opened;
    }

    /**
     * The new conversation as stored, carrying its opening event's outbox mark: built by hand as the converter writes
     * it (nulls left out, times as dates, no {@code _class}; {@code InboundDocumentsTest} compares them).
     */
    static Document marked(Conversation c, String mark) {
        Document d = new Document("_id", c.id());
        put(d, "profileId", c.profileId());
        put(d, "status", c.status());
        put(d, "channels", c.channels() == null ? null : new ArrayList<>(c.channels()));
        put(d, "lastInboundChannel", c.lastInboundChannel());
        put(d, "openedAt", date(c.openedAt()));
        put(d, "lastMessageAt", date(c.lastMessageAt()));
        if (c.lastInboundAt() != null) {
            Document lastInbound = new Document();
            c.lastInboundAt().forEach((channel, at) -> lastInbound.put(channel, date(at)));
            d.put("lastInboundAt", lastInbound);
        }
        put(d, "awaitingReplySince", date(c.awaitingReplySince()));
        put(d, "firstResponseAt", date(c.firstResponseAt()));
        put(d, "resolvedAt", date(c.resolvedAt()));
        put(d, "snoozedUntil", date(c.snoozedUntil()));
        put(d, "teamId", c.teamId());
        put(d, "assignee", c.assignee());
        d.put("priority", c.priority());
        put(d, "complaintId", c.complaintId());
        put(d, "storeId", c.storeId());
        put(d, "language", c.language());
        put(d, "tags", c.tags() == null ? null : new ArrayList<>(c.tags()));
        return d.append(PendingEvents.FIELD, new ArrayList<>(List.of(mark)));
    }

    /** A customer's pointer at their new conversation, as the converter writes a {@link CurrentConversation}. */
    static Document pointer(String profileId, String conversationId) {
        return new Document("_id", profileId).append("conversationId", conversationId);
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.put(field, value);
        }
    }

    private static java.util.Date date(Instant at) {
        return at == null ? null : java.util.Date.from(at);
    }

    private List<Document> marked(List<Conversation> conversations, List<String> marks) {
        List<Document> stored = new ArrayList<>(conversations.size());
        for (int i = 0; i < conversations.size(); i++) {
            stored.add(marked(conversations.get(i), marks.get(i)));
        }
        return stored;
    }

    static Conversation conversation(Opening o, String id, Instant now) {
        return new Conversation(id, o.profileId(), o.status(), Set.of(o.channel()), null, now, now, o.lastInbound(),
                null, null, null, null, null, null, Conversation.PRIORITY_NORMAL, null, o.storeId(), null, Set.of());
    }
}
