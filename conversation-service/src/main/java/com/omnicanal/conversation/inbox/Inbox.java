package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.support.batch.GroupCommit;
import com.omnicanal.support.outbox.EventOutbox;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    private final GroupCommit<InboundMessage, Optional<String>> batches;

    Inbox(MongoTemplate mongo, EventOutbox outbox, Profiles profiles, Conversations conversations,
          @Value("${omni.inbound.committers:2}") int committers, @Value("${omni.inbound.max-batch:64}") int maxBatch) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.profiles = profiles;
        this.conversations = conversations;
        this.batches = new GroupCommit<>("inbound-commit", committers, maxBatch,
                new InboundBatch(mongo, outbox, profiles, conversations)::receive);
    }

    @PreDestroy
    void stop() {
        batches.close();
    }

    /**
     * The stored message's id, or empty when it is a replay of one we already have. Messages arriving together are
     * written together ({@link InboundBatch}); an e-mail reply, which may thread into an older conversation, alone.
     */
    public Optional<String> receive(InboundMessage message) {
        return isReply(message) ? receiveOne(message) : batches.submit(message);
    }

    private static boolean isReply(InboundMessage message) {
        Map<String, String> headers = message.detailsOrNone().headers();
        return headers != null && (headers.containsKey("In-Reply-To") || headers.containsKey("References"));
    }

    private Optional<String> receiveOne(InboundMessage message) {
        if (mongo.findById(message.id(), Message.class) != null) {
            return Optional.empty(); // the provider retried a message we already have
        }
        String profileId = profiles.identify(message.sender(), message.senderName(), message.channel());
        Instant now = Instant.now();
        Conversation conversation = conversations.forInbound(profileId, message, now);
        InboundMessage.Details details = message.detailsOrNone();
        Message stored = stored(message, conversation.id(), profileId);
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

    static Message stored(InboundMessage message, String conversationId, String profileId) {
        InboundMessage.Details details = message.detailsOrNone();
        return new Message(message.id(), conversationId, profileId, details.direction(), message.channel(),
                details.kind(), message.senderName(), null, message.text(), details.subject(), details.attachments(),
                details.headers(), "received", message.receivedAt(), message.providerMessageId(), null, null, null,
                message.receivedAt(), details.replyId(), Parties.of(message.sender()), null);
    }

    private void touch(Conversation conversation, InboundMessage message) {
        mongo.updateFirst(query(where("_id").is(conversation.id())),
                touch(conversation, List.of(stored(message, conversation.id(), conversation.profileId()))),
                Conversation.class);
    }

    /** What the customer's new messages (in order) change on their conversation. */
    static Update touch(Conversation conversation, List<Message> messages) {
        Message last = messages.getLast();
        Update update = new Update().addToSet("channels").each(messages.stream().map(Message::channel).distinct().toArray())
                .set("lastInboundChannel", last.channel());
        Instant latest = messages.stream().map(Message::at).max(Instant::compareTo).orElseThrow();
        update.max("lastMessageAt", latest);
        messages.stream().collect(java.util.stream.Collectors.toMap(Message::channel, Message::at,
                (a, b) -> a.isAfter(b) ? a : b)).forEach((channel, at) -> update.max("lastInboundAt." + channel, at));
        if (conversation.awaitingReplySince() == null) { // the clock of the next response starts
            update.set("awaitingReplySince", messages.stream().map(Message::at).min(Instant::compareTo).orElseThrow());
        }
        if (!"open".equals(conversation.status()) && !conversation.isResolved()) {
            update.set("status", "open").unset("snoozedUntil"); // the customer answered: back to work
        }
        return update;
    }

    static Message withMarks(Message m, java.util.Set<String> marks) {
        return new Message(m.id(), m.conversationId(), m.profileId(), m.direction(), m.channel(), m.kind(),
                m.senderName(), m.author(), m.text(), m.subject(), m.attachments(), m.headers(), m.status(), m.statusAt(),
                m.providerMessageId(), m.requestId(), m.error(), m.mentions(), m.at(), m.replyId(), m.parties(), marks);
    }

    /**
     * When the customer last wrote on each channel, in their current conversation — resolved or not: WhatsApp's
     * 24-hour window runs from their last message, whatever we did with the conversation since.
     */
    public Map<String, Instant> lastInbound(String profileId) {
        return lastInboundIn(conversations.currentOf(profileId));
    }

    /** The same, from the current conversation already read (empty: none). */
    public static Map<String, Instant> lastInboundIn(Optional<Conversation> current) {
        return current.map(Conversation::lastInboundAt).filter(m -> m != null).orElse(Map.of());
    }

    public Optional<Message> message(String id) {
        return Optional.ofNullable(mongo.findById(id, Message.class));
    }

    /**
     * Many messages in one read of the {@code _id} index, only their id, conversation, channel, text and time (what a
     * customer's message sets in motion reads; the rest is null).
     */
    public Map<String, Message> briefs(Collection<String> ids) {
        Map<String, Message> found = new HashMap<>();
        mongo.getCollection(Message.COLLECTION).find(new org.bson.Document("_id", new org.bson.Document("$in", ids)))
                .projection(BRIEF).forEach(d -> found.put(d.getString("_id"), brief(d)));
        return found;
    }

    private static final org.bson.Document BRIEF = new org.bson.Document("conversationId", 1).append("channel", 1)
            .append("text", 1).append("at", 1);

    /** Read straight from the driver's document: Spring Data's mapping was a third of each read's CPU (profiled). */
    private static Message brief(org.bson.Document d) {
        java.util.Date at = d.getDate("at");
        return new Message(d.getString("_id"), d.getString("conversationId"), null, null, d.getString("channel"), null,
                null, null, d.getString("text"), null, null, null, null, null, null, null, null, null,
                at == null ? null : at.toInstant(), null, null, null);
    }

    public java.util.List<Message> thread(String conversationId) {
        return ThreadIndex.messages(mongo, conversationId);
    }
}
