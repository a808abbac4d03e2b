package com.omnicanal.conversation.inbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Optional;

/**
 * E-mail threading: the Message-IDs of the mails we received (and of ours a split moved), mapped to their conversation
 * (read by {@code _id}); our own ids name their conversation themselves ({@link MailIds}).
 */
final class Threads {

    static final String COLLECTION = "email_threads";

    private Threads() {
    }

    /** The mapping first: a split moves a mail of ours to another conversation than the one its id names. */
    static Optional<String> conversationOf(MongoTemplate mongo, String messageId) {
        Document d = mongo.findById(messageId, Document.class, COLLECTION);
        return d != null ? Optional.of(d.getString("conversationId")) : MailIds.conversationOf(messageId);
    }

    static void remember(MongoTemplate mongo, String messageId, String conversationId) {
        if (messageId != null && !messageId.isBlank()) {
            Conversations.ignoreDuplicate(() -> mongo.insert(new Document("_id", messageId)
                    .append("conversationId", conversationId), COLLECTION));
        }
    }
}
