package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.ConversationOpened;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
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
        Set<Integer> claimed = BulkInserts.insertNew(mongo, CurrentConversation.class,
                fresh.stream().map(c -> new CurrentConversation(c.profileId(), c.id())).toList());
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
        outbox.publishAll(Conversation.COLLECTION, events, marks -> BulkInserts.insertNew(mongo, Conversation.class,
                marked(mine, marks)));
        Map<String, Conversation> opened = new LinkedHashMap<>();
        mine.forEach(c -> opened.put(c.profileId(), c));
        return opened;
    }

    /** The new conversation as stored, carrying its opening event's outbox mark. */
    Document marked(Conversation conversation, String mark) {
        Document stored = new Document();
        mongo.getConverter().write(conversation, stored);
        return stored.append(PendingEvents.FIELD, new ArrayList<>(List.of(mark)));
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
