package com.omnicanal.conversation.dispatch;

import com.omnicanal.events.conversation.MessageSent;
import com.omnicanal.support.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Sandbox mode (the default until real provider clients exist): the outbound message is kept in the customer's
 * thread and published as sent, instead of going to the provider.
 */
@Component
class SandboxConnector {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    SandboxConnector(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    String send(DispatchRequest request, ChannelChoice.Choice choice, String conversationId, Instant now) {
        String id = "out:" + UUID.randomUUID();
        outbox.publish("messages", id, new MessageSent(request.profileId(), conversationId, id, request.requestId(),
                choice.channel(), request.purpose(), choice.kind(), now), pending -> mongo.insert(new Document("_id", id)
                .append("conversationId", conversationId).append("profileId", request.profileId())
                .append("direction", "outbound").append("channel", choice.channel()).append("text", request.text())
                .append("kind", choice.kind()).append("status", "sent").append("sandbox", true).append("at", now)
                .append("_outbox", pending.ids()), "messages"));
        return id;
    }
}
