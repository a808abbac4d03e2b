package com.omnicanal.conversation.inbox;

import com.omnicanal.events.profile.ProfileUnmerged;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An undone merge gives conversations back, judged by the identifiers each message came from or went to: a
 * conversation with messages of the returned identifiers and none of the survivor's goes back whole (notes and
 * complaints with it); one that mixed both is split ({@link Splits}). Messages without parties (notes, messages
 * stored before parties were kept) follow their conversation. No transactions: every write is keyed and repeatable,
 * and the write that makes a conversation look done comes last, so a redelivered event finishes a half-done move.
 */
@Service
public class Unmerges {

    private static final String UNDONE = "undone_merges";

    private final MongoTemplate mongo;

    Unmerges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void giveBack(ProfileUnmerged event) {
        Set<String> returned = Parties.normalized(event.restoredIdentifiers() == null ? List.of() : event.restoredIdentifiers());
        String survivor = event.profileId();
        String restored = event.restoredProfileId();
        mongo.save(new Document("_id", event.mergeId()).append("at", new java.util.Date()), UNDONE);
        for (Conversation c : conversationsOf(survivor)) {
            List<Message> thread = ThreadIndex.messages(mongo, c.id());
            List<Message> theirs = thread.stream().filter(m -> Parties.anyIn(m.parties(), returned)).toList();
            boolean mixed = thread.stream().anyMatch(m -> m.parties() != null && !Parties.anyIn(m.parties(), returned));
            if (!theirs.isEmpty() && mixed) {
                Splits.split(mongo, c, thread, theirs, restored, event.mergeId());
            } else if (!theirs.isEmpty()) {
                moveWhole(c, thread, survivor, restored);
            }
        }
        repoint(survivor);
        adopt(restored);
        giveBackChats(returned, restored);
    }

    /** The web chat's own address book (the webchat package's collection): a returned session or login is theirs. */
    private void giveBackChats(Set<String> returned, String restored) {
        List<String> addresses = returned.stream().filter(k -> k.startsWith("web:") || k.startsWith("keycloak:"))
                .map(k -> k.substring(k.indexOf(':') + 1)).toList();
        if (!addresses.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(addresses)), new Update().set("profileId", restored),
                    "webchat_addresses");
        }
    }

    private void moveWhole(Conversation c, List<Message> thread, String survivor, String restored) {
        mongo.updateMulti(query(where("_id").in(thread.stream().map(Message::id).toList())),
                new Update().set("profileId", restored), Message.class);
        moveComplaints(c.id(), survivor, restored);
        mongo.updateFirst(query(where("_id").is(c.id()).and("profileId").is(survivor)),
                new Update().set("profileId", restored), Conversation.class); // last: the conversation is done
    }

    /** The complaint package's collections, written here so the move and its marker stay in one ordered place. */
    private void moveComplaints(String conversationId, String survivor, String restored) {
        for (Document complaint : mongo.find(query(where("conversationId").is(conversationId)), Document.class, "complaints")) {
            if (!"resolved".equals(complaint.getString("status"))) {
                String id = complaint.getString("_id");
                mongo.upsert(query(where("_id").is(restored)), new Update().addToSet("ids", id), "open_complaints");
                mongo.updateFirst(query(where("_id").is(survivor)), new Update().pull("ids", id), "open_complaints");
            }
        }
        mongo.updateMulti(query(where("conversationId").is(conversationId)), new Update().set("profileId", restored),
                "complaints");
    }

    /** Whether this merge was undone here (its merged event, arriving late or replayed, must then change nothing). */
    public boolean undone(String mergeId) {
        return mergeId != null && mongo.findById(mergeId, Document.class, UNDONE) != null;
    }

    /** The survivor's current conversation, if it went back, becomes its latest remaining one (or none). */
    private void repoint(String survivor) {
        CurrentConversation current = mongo.findById(survivor, CurrentConversation.class);
        if (current == null || mongo.findById(current.conversationId(), Conversation.class) instanceof Conversation c
                && c.profileId().equals(survivor)) {
            return;
        }
        var mine = query(where("_id").is(survivor).and("conversationId").is(current.conversationId()));
        latest(survivor).ifPresentOrElse(
                c -> mongo.updateFirst(mine, new Update().set("conversationId", c.id()), CurrentConversation.class),
                () -> mongo.remove(mine, CurrentConversation.class));
    }

    /** The restored profile (its pointer went with the merge) continues in its latest conversation. */
    private void adopt(String restored) {
        if (mongo.findById(restored, CurrentConversation.class) == null) {
            latest(restored).ifPresent(c -> Conversations.ignoreDuplicate(
                    () -> mongo.insert(new CurrentConversation(restored, c.id()))));
        }
    }

    private Optional<Conversation> latest(String profileId) {
        return conversationsOf(profileId).stream().max(Comparator.comparing(Conversation::lastMessageAt,
                Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** A scan on the embedded store (no secondary indexes), as the merge's re-link: unmerges are rare. */
    private List<Conversation> conversationsOf(String profileId) {
        return mongo.find(query(where("profileId").is(profileId)), Conversation.class);
    }
}
