package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Every inbound message joins its sender's one open conversation, whatever the channel; a provider's replay of
 * the same message id is accepted once. Publishes {@code message-received}.
 */
@Service
public class Inbox {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Profiles profiles;

    Inbox(MongoTemplate mongo, EventOutbox outbox, Profiles profiles) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.profiles = profiles;
    }

    public void receive(InboundMessage message) {
        if (mongo.findById(message.id(), Message.class) != null) {
            return; // the provider retried a message we already have
        }
        String profileId = profiles.identify(message.identifierType(), message.identifierValue(), message.senderName(),
                message.channel());
        String conversationId = openConversation(profileId, message);
        try {
            outbox.publish(Message.COLLECTION, message.id(), new MessageReceived(profileId, conversationId, message.id(),
                    message.channel(), message.receivedAt()), pending -> mongo.insert(new Message(message.id(),
                    conversationId, profileId, "inbound", message.channel(), message.senderName(), message.text(),
                    message.receivedAt(), pending.ids())));
        } catch (DuplicateKeyException concurrentReplay) {
            return;
        }
        mongo.updateFirst(query(where("_id").is(conversationId)), new Update().addToSet("channels", message.channel())
                .set("lastInboundChannel", message.channel()).max("lastMessageAt", message.receivedAt())
                .max("lastInboundAt." + message.channel(), message.receivedAt()), Conversation.class);
    }

    /** When the customer last wrote on each channel, in their open conversation (empty when there is none). */
    public java.util.Map<String, Instant> lastInbound(String profileId) {
        OpenConversation open = mongo.findById(profileId, OpenConversation.class);
        Conversation conversation = open == null ? null : mongo.findById(open.conversationId(), Conversation.class);
        return conversation == null || conversation.lastInboundAt() == null ? java.util.Map.of() : conversation.lastInboundAt();
    }

    /** The customer's open conversation, opened for an outbound message when there is none. */
    public String conversationFor(String profileId, String channel) {
        return openConversation(profileId, new InboundMessage(channel, "-", null, null, null, null, Instant.now()));
    }

    private String openConversation(String profileId, InboundMessage message) {
        OpenConversation open = mongo.findById(profileId, OpenConversation.class);
        if (open != null) {
            return open.conversationId();
        }
        String id = UUID.randomUUID().toString();
        try {
            mongo.insert(new OpenConversation(profileId, id));
        } catch (DuplicateKeyException openedMeanwhile) {
            return mongo.findById(profileId, OpenConversation.class).conversationId();
        }
        mongo.insert(new Conversation(id, profileId, "open", Set.of(message.channel()), message.channel(),
                Instant.now(), message.receivedAt(), java.util.Map.of()));
        return id;
    }
}
