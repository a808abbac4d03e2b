package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.MessageReceived;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.batch.BulkInserts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

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

/**
 * {@link Inbox#receive} for the messages that arrived together: the same rules, in a few bulk operations for all of
 * them — replays in one read, new senders in one identify call, current conversations in two reads, events staged in
 * one insert, messages in one unordered insert, thread indexes and conversation marks in one bulk each — instead of
 * seven round trips per message. Its hot writes and its replay check go to the driver as plain documents
 * ({@link InboundDocuments}), not through Spring Data's mapping.
 */
final class InboundBatch {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

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
        mongo.getCollection(Message.COLLECTION)
                .find(new Document("_id", new Document("$in", batch.stream().map(InboundMessage::id).toList())))
                .projection(new Document("_id", 1)).forEach(d -> seen.add(d.getString("_id")));
        return IntStream.range(0, batch.size()).filter(i -> seen.add(batch.get(i).id())).boxed().toList();
    }

    /** The messages in one unordered insert, each with its mark (a known id: recorded before, left out). */
    private Set<Integer> insert(List<Message> messages, List<String> marks) {
        List<Document> documents = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            documents.add(InboundDocuments.hasHeaders(m) ? converted(m, marks.get(i))
                    : InboundDocuments.message(m, marks.get(i)));
        }
        return BulkInserts.insertNew(mongo, Message.COLLECTION, documents);
    }

    private Document converted(Message m, String mark) {
        Document d = new Document();
        mongo.getConverter().write(Inbox.withMarks(m, Set.of(mark)), d);
        return d;
    }

    private void index(List<Message> kept) {
        Map<String, List<String>> byConversation = new LinkedHashMap<>();
        kept.forEach(m -> byConversation.computeIfAbsent(m.conversationId(), k -> new ArrayList<>()).add(m.id()));
        if (byConversation.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> appends = new ArrayList<>(byConversation.size());
        byConversation.forEach((id, messageIds) -> appends.add(new UpdateOneModel<>(new Document("_id", id),
                new Document("$addToSet", new Document("ids", new Document("$each", messageIds))), UPSERT)));
        mongo.getCollection(ThreadIndex.COLLECTION).bulkWrite(appends, UNORDERED);
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
        List<UpdateOneModel<Document>> touches = new ArrayList<>(byConversation.size());
        byConversation.forEach((id, messages) -> touches.add(new UpdateOneModel<>(new Document("_id", id),
                InboundDocuments.touch(byId.get(id), messages))));
        mongo.getCollection(Conversation.COLLECTION).bulkWrite(touches, UNORDERED);
    }
}
