package com.omnicanal.conversation.inbox;

import com.omnicanal.conversation.writes.GroupedWrites;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Optional;

/** E-mail threading: every Message-ID we sent or received, mapped to its conversation (read by {@code _id}). */
final class Threads {

    static final String COLLECTION = "email_threads";

    private Threads() {
    }

    static Optional<String> conversationOf(MongoTemplate mongo, String messageId) {
        Document d = mongo.findById(messageId, Document.class, COLLECTION);
        return d == null ? Optional.empty() : Optional.of(d.getString("conversationId"));
    }

    /** {@link #remember} as a write grouped with others (a taken key: remembered before). */
    static Optional<GroupedWrites.Write> remembering(String messageId, String conversationId) {
        return messageId == null || messageId.isBlank() ? Optional.empty() : Optional.of(GroupedWrites.Write.insert(
                COLLECTION, new Document("_id", messageId).append("conversationId", conversationId)));
    }

    static void remember(MongoTemplate mongo, String messageId, String conversationId) {
        if (messageId != null && !messageId.isBlank()) {
            Conversations.ignoreDuplicate(() -> mongo.insert(new Document("_id", messageId)
                    .append("conversationId", conversationId), COLLECTION));
        }
    }
}
