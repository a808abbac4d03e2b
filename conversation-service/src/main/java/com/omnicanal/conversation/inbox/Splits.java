package com.omnicanal.conversation.inbox;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A conversation that mixed both profiles of an undone merge: the messages from and to the returned identifiers go
 * to a conversation of the restored profile (its id derived from the merge and the conversation, so a redelivery
 * finds it); the rest, notes, assignment and complaint stay. The last write takes them out of the old thread.
 */
final class Splits {

    private Splits() {
    }

    static void split(MongoTemplate mongo, Conversation from, List<Message> thread, List<Message> theirs,
                      String restored, String mergeId) {
        String id = UUID.nameUUIDFromBytes(("unmerge:" + mergeId + ":" + from.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
        List<String> moved = theirs.stream().map(Message::id).toList();
        Conversations.ignoreDuplicate(() -> mongo.insert(splitOff(id, from, theirs, restored)));
        mongo.upsert(query(where("_id").is(id)), new Update().addToSet("ids").each(moved.toArray()), ThreadIndex.COLLECTION);
        mongo.updateMulti(query(where("_id").in(moved)), new Update().set("conversationId", id)
                .set("profileId", restored), Message.class);
        List<String> mailIds = theirs.stream().map(Message::headers).filter(Objects::nonNull)
                .map(h -> h.get("Message-ID")).filter(Objects::nonNull).toList();
        if (!mailIds.isEmpty()) { // ours have no mapping yet (their id names the old conversation): upserted
            BulkOperations moves = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Threads.COLLECTION);
            mailIds.forEach(mail -> moves.upsert(query(where("_id").is(mail)), new Update().set("conversationId", id)));
            moves.execute();
        }
        List<Message> kept = thread.stream().filter(m -> !moved.contains(m.id())).toList();
        mongo.updateFirst(query(where("_id").is(from.id())), channelMarks(kept), Conversation.class);
        mongo.updateFirst(query(where("_id").is(from.id())), new Update().pullAll("ids", moved.toArray()),
                ThreadIndex.COLLECTION); // last: the conversation is no longer mixed
    }

    /** The restored profile's part: open while the old one is (an agent should see it), else resolved with it. */
    private static Conversation splitOff(String id, Conversation from, List<Message> theirs, String restored) {
        Instant first = theirs.stream().map(Message::at).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = theirs.stream().map(Message::at).max(Comparator.naturalOrder()).orElseThrow();
        List<Message> inbound = inbound(theirs);
        return new Conversation(id, restored, from.isResolved() ? "resolved" : "open", channels(theirs),
                inbound.isEmpty() ? null : inbound.getLast().channel(), first, last, lastInboundAt(inbound), null, null,
                from.isResolved() ? from.resolvedAt() : null, null, null, null, Conversation.PRIORITY_NORMAL, null, null,
                from.language(), Set.of());
    }

    /** What the survivor's conversation says about its channels, from the messages it keeps. */
    private static Update channelMarks(List<Message> kept) {
        List<Message> inbound = inbound(kept);
        Update update = new Update().set("channels", channels(kept)).set("lastInboundAt", lastInboundAt(inbound));
        return inbound.isEmpty() ? update.unset("lastInboundChannel")
                : update.set("lastInboundChannel", inbound.getLast().channel());
    }

    private static List<Message> inbound(List<Message> messages) {
        return messages.stream().filter(m -> "inbound".equals(m.direction())).sorted(Comparator.comparing(Message::at))
                .toList();
    }

    private static Set<String> channels(List<Message> messages) {
        Set<String> channels = new LinkedHashSet<>();
        messages.stream().filter(m -> !"note".equals(m.direction())).forEach(m -> channels.add(m.channel()));
        return channels;
    }

    private static Map<String, Instant> lastInboundAt(List<Message> inbound) {
        Map<String, Instant> at = new HashMap<>();
        inbound.forEach(m -> at.merge(m.channel(), m.at(), (a, b) -> a.isAfter(b) ? a : b));
        return at;
    }
}
