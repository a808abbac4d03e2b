package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@link Inbox#receive} for the messages that arrived together: the same rules, in a few bulk operations for all of
 * them — replays in one read, new senders in one identify call, current conversations in two reads, events staged in
 * one insert, messages in one unordered insert, thread indexes and conversation marks in one bulk each — instead of
 * seven round trips per message.
 */
final class InboundBatch {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Profiles profiles;
    private final Conversations conversations;

    InboundBatch(MongoTemplate mongo, EventOutbox outbox, Profiles profiles, Conversations conversations) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.profiles = profiles;
        this.conversations = conversations;
    }

    /** One answer per message, in order: the stored message's id, or empty for a replay. */
    List<Optional<String>> receive(List<InboundMessage> batch) {
        List<Integer> fresh = fresh(batch);
        Instant now = Instant.now();
        Map<Integer, String> profileOf = new LinkedHashMap<>();
        Map<String, InboundMessage> firstByProfile = new LinkedHashMap<>();
        profiles.identifyAll(fresh.stream().map(batch::get).toList()); // new senders in one call, not one each
        for (int i : fresh) {
            InboundMessage m = batch.get(i);
            String profileId = profiles.identify(m.sender(), m.senderName(), m.channel());
            profileOf.put(i, profileId);
            firstByProfile.putIfAbsent(profileId, m);
        }
        Map<String, Conversation> conversationOf = conversations.forInboundAll(firstByProfile, now);
        List<Message> stored = new ArrayList<>();
        List<EventOutbox.Keyed> events = new ArrayList<>();
        for (int i : fresh) {
            InboundMessage m = batch.get(i);
            Conversation c = conversationOf.get(profileOf.get(i));
            stored.add(Inbox.stored(m, c.id(), profileOf.get(i)));
            events.add(new EventOutbox.Keyed(m.id(), new MessageReceived(profileOf.get(i), c.id(), m.id(), m.channel(),
                    m.receivedAt())));
        }
        Set<Integer> written = outbox.publishAll(Message.COLLECTION, events, marks -> insert(stored, marks));
        List<Message> kept = IntStream.range(0, stored.size()).filter(written::contains).mapToObj(stored::get).toList();
        index(kept);
        touch(kept, conversationOf);
        Set<String> keptIds = kept.stream().map(Message::id).collect(Collectors.toSet());
        return batch.stream().map(m -> keptIds.contains(m.id()) ? Optional.of(m.id()) : Optional.<String>empty()).toList();
    }

    /** Indexes of the messages neither stored before nor repeated earlier in this batch. */
    private List<Integer> fresh(List<InboundMessage> batch) {
        Set<String> seen = new HashSet<>();
        var ids = query(where("_id").in(batch.stream().map(InboundMessage::id).toList()));
        ids.fields().include("_id");
        mongo.find(ids, org.bson.Document.class, Message.COLLECTION).forEach(d -> seen.add(d.getString("_id")));
        return IntStream.range(0, batch.size()).filter(i -> seen.add(batch.get(i).id())).boxed().toList();
    }

    private Set<Integer> insert(List<Message> messages, List<String> marks) {
        List<Message> marked = IntStream.range(0, messages.size())
                .mapToObj(i -> Inbox.withMarks(messages.get(i), Set.of(marks.get(i)))).toList();
        return BulkInserts.insertNew(mongo, Message.class, marked); // a known id: recorded before
    }

    private void index(List<Message> kept) {
        Map<String, List<String>> byConversation = new LinkedHashMap<>();
        kept.forEach(m -> byConversation.computeIfAbsent(m.conversationId(), k -> new ArrayList<>()).add(m.id()));
        if (byConversation.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ThreadIndex.COLLECTION);
        byConversation.forEach((id, messageIds) -> bulk.upsert(query(where("_id").is(id)),
                new Update().addToSet("ids").each(messageIds.toArray())));
        bulk.execute();
        kept.forEach(m -> Threads.remember(mongo, m.headers() == null ? null : m.headers().get("Message-ID"),
                m.conversationId()));
    }

    private void touch(List<Message> kept, Map<String, Conversation> conversationOf) {
        Map<String, List<Message>> byConversation = new LinkedHashMap<>();
        kept.forEach(m -> byConversation.computeIfAbsent(m.conversationId(), k -> new ArrayList<>()).add(m));
        if (byConversation.isEmpty()) {
            return;
        }
        Map<String, Conversation> byId = new LinkedHashMap<>();
        conversationOf.values().forEach(c -> byId.put(c.id(), c));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Conversation.class);
        byConversation.forEach((id, messages) -> bulk.updateOne(query(where("_id").is(id)),
                Inbox.touch(byId.get(id), messages)));
        bulk.execute();
    }
}
