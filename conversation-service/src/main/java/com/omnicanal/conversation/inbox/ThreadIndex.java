package com.omnicanal.conversation.inbox;

import com.omnicanal.conversation.writes.GroupedWrites;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Comparator;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The ids of a conversation's messages, in one document per conversation: reading a thread is a read by
 * {@code _id} plus reads by {@code _id}, never a scan of all messages (the embedded store has no secondary indexes).
 */
final class ThreadIndex {

    static final String COLLECTION = "thread_index";

    private ThreadIndex() {
    }

    static void append(MongoTemplate mongo, String conversationId, String messageId) {
        mongo.upsert(query(where("_id").is(conversationId)), new Update().addToSet("ids", messageId), COLLECTION);
    }

    /** The same append as a write grouped with others. */
    static GroupedWrites.Write appending(String conversationId, String messageId) {
        return GroupedWrites.Write.raw(COLLECTION, new Document("_id", conversationId),
                new Document("$addToSet", new Document("ids", messageId)), true);
    }

    @SuppressWarnings("unchecked")
    static List<Message> messages(MongoTemplate mongo, String conversationId) {
        Document index = mongo.findById(conversationId, Document.class, COLLECTION);
        if (index == null) {
            return List.of();
        }
        List<String> ids = (List<String>) index.get("ids");
        return mongo.find(query(where("_id").in(ids)), Message.class).stream()
                .sorted(Comparator.comparing(Message::at).thenComparing(Message::id)).toList();
    }
}
