package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Every inbound message joins its sender's one conversation, whatever the channel; a provider's replay of the same
 * message id is accepted once. Publishes {@code message-received}; routing, SLAs and the bot react to that event.
 */
@Service
public class Inbox {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Profiles profiles;
    private final Conversations conversations;

    Inbox(MongoTemplate mongo, EventOutbox outbox, Profiles profiles, Conversations conversations) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.profiles = profiles;
        this.conversations = conversations;
    }

    /** The stored message's id, or empty when it is a replay of one we already have. */
    public Optional<String> receive(InboundMessage message) {
        if (mongo.findById(message.id(), Message.class) != null) {
            return Optional.empty(); // the provider retried a message we already have
        }
        String profileId = profiles.identify(message.sender(), message.senderName(), message.channel());
        Instant now = Instant.now();
        Conversation conversation = conversations.forInbound(profileId, message, now);
        InboundMessage.Details details = message.detailsOrNone();
        Message stored = new Message(message.id(), conversation.id(), profileId, details.direction(), message.channel(),
                details.kind(), message.senderName(), null, message.text(), details.subject(), details.attachments(),
                details.headers(), "received", message.receivedAt(), message.providerMessageId(), null, null, null,
                message.receivedAt(), null);
        try {
            outbox.publish(Message.COLLECTION, message.id(), new MessageReceived(profileId, conversation.id(),
                    message.id(), message.channel(), message.receivedAt()), pending -> mongo.insert(
                    withMarks(stored, pending.ids())));
        } catch (DuplicateKeyException concurrentReplay) {
            return Optional.empty();
        }
        ThreadIndex.append(mongo, conversation.id(), message.id());
        Threads.remember(mongo, details.headers() == null ? null : details.headers().get("Message-ID"), conversation.id());
        touch(conversation, message);
        return Optional.of(message.id());
    }

    private void touch(Conversation conversation, InboundMessage message) {
        Update update = new Update().addToSet("channels", message.channel())
                .set("lastInboundChannel", message.channel()).max("lastMessageAt", message.receivedAt())
                .max("lastInboundAt." + message.channel(), message.receivedAt());
        if (conversation.awaitingReplySince() == null) {
            update.set("awaitingReplySince", message.receivedAt()); // the clock of the next response starts
        }
        if (!"open".equals(conversation.status()) && !conversation.isResolved()) {
            update.set("status", "open").unset("snoozedUntil"); // the customer answered: back to work
        }
        mongo.updateFirst(query(where("_id").is(conversation.id())), update, Conversation.class);
    }

    private static Message withMarks(Message m, java.util.Set<String> marks) {
        return new Message(m.id(), m.conversationId(), m.profileId(), m.direction(), m.channel(), m.kind(),
                m.senderName(), m.author(), m.text(), m.subject(), m.attachments(), m.headers(), m.status(), m.statusAt(),
                m.providerMessageId(), m.requestId(), m.error(), m.mentions(), m.at(), marks);
    }

    /**
     * When the customer last wrote on each channel, in their current conversation — resolved or not: WhatsApp's
     * 24-hour window runs from their last message, whatever we did with the conversation since.
     */
    public Map<String, Instant> lastInbound(String profileId) {
        return conversations.currentOf(profileId).map(Conversation::lastInboundAt).filter(m -> m != null).orElse(Map.of());
    }

    public Optional<Message> message(String id) {
        return Optional.ofNullable(mongo.findById(id, Message.class));
    }

    public java.util.List<Message> thread(String conversationId) {
        return ThreadIndex.messages(mongo, conversationId);
    }
}
