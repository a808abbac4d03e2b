package com.omnicanal.conversation.inbox;

import com.omnicanal.events.conversation.ConversationAssigned;
import com.omnicanal.events.conversation.ConversationOpened;
import com.omnicanal.events.conversation.ConversationResolved;
import com.omnicanal.conversation.writes.GroupedWrites;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A customer's conversations: the one they are in now (joined by any channel; reopened when they write again within
 * the reopen window, else a new one), and every change of status or owner, each published as it happens.
 */
@Service
public class Conversations {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Duration reopenWindow;
    private final GroupedWrites grouped;
    private final Openings openings;
    private static final String SNOOZES = "snoozes";
    private static final Duration ORPHANED = Duration.ofSeconds(10);

    Conversations(MongoTemplate mongo, EventOutbox outbox, GroupedWrites grouped,
                  @Value("${omni.conversations.reopen-window:7d}") Duration reopenWindow) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.grouped = grouped;
        this.openings = new Openings(mongo, outbox);
        this.reopenWindow = reopenWindow;
        // the pointer's compare-and-set queries {_id, conversationId}: the embedded store indexes only that exact set
        mongo.indexOps(CurrentConversation.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("conversationId", Sort.Direction.ASC).unique().named("id_conversation"));
    }

    public Optional<Conversation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Conversation.class));
    }

    /** Many conversations in one read of the {@code _id} index. */
    public Map<String, Conversation> findAll(Collection<String> ids) {
        Map<String, Conversation> found = new HashMap<>();
        mongo.find(query(where("_id").in(ids)), Conversation.class).forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** The customer's current conversation, if any (open, pending, snoozed or resolved within the window). */
    public Optional<Conversation> currentOf(String profileId) {
        return pointed(profileId).conversation();
    }

    /**
     * The profile's pointer as read once (null: none) and its conversation (empty: none, or its writer died): a new
     * conversation replaces exactly the pointer this decision was made on, never one that appeared meanwhile.
     */
    private record Pointed(String conversationId, Optional<Conversation> conversation) {
    }

    private Pointed pointed(String profileId) {
        CurrentConversation current = mongo.findById(profileId, CurrentConversation.class);
        if (current == null) {
            return new Pointed(null, Optional.empty());
        }
        // a just-claimed pointer: its conversation is being written (grouped with others, which can take over a second
        // on a loaded machine); only a pointer whose writer died is still empty after ORPHANED, and is then replaced
        long deadline = System.nanoTime() + ORPHANED.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Conversation> conversation = find(current.conversationId());
            if (conversation.isPresent()) {
                return new Pointed(current.conversationId(), conversation);
            }
            sleep();
        }
        return new Pointed(current.conversationId(), Optional.empty());
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a customer's message goes: the thread it answers, else their current conversation, else a new one. */
    Conversation forInbound(String profileId, InboundMessage message, Instant now) {
        for (String ref : references(message.detailsOrNone().headers())) {
            Optional<Conversation> threaded = Threads.conversationOf(mongo, ref).flatMap(this::find)
                    .filter(c -> c.profileId().equals(profileId)).filter(c -> joinable(c, now));
            if (threaded.isPresent()) {
                return reopenIfResolved(threaded.get(), now);
            }
        }
        Pointed current = pointed(profileId);
        return current.conversation().filter(c -> joinable(c, now)).map(c -> reopenIfResolved(c, now))
                .orElseGet(() -> open(profileId, message.channel(), "customer", "open", message.detailsOrNone().storeId(),
                        now, Map.of(), current.conversationId()).conversation());
    }

    /**
     * {@link #forInbound} for a batch, one message per profile: every current conversation in two reads, the new ones
     * opened together ({@link Openings}); a profile whose conversation is not simply open or absent (resolved, being
     * created, an e-mail reply) or whose pointer another writer claimed meanwhile is decided the one-by-one way.
     */
    Map<String, Conversation> forInboundAll(Map<String, InboundMessage> firstByProfile, Instant now) {
        Map<String, String> pointers = new HashMap<>();
        ByIds.chunks(firstByProfile.keySet(), chunk -> mongo.getCollection(CurrentConversation.COLLECTION)
                .find(new org.bson.Document("_id", new org.bson.Document("$in", chunk)))
                .forEach(p -> pointers.put(p.getString("_id"), p.getString("conversationId"))));
        Map<String, Conversation> byId = new HashMap<>();
        ByIds.chunks(Set.copyOf(pointers.values()), chunk -> mongo.getCollection(Conversation.COLLECTION)
                .find(new org.bson.Document("_id", new org.bson.Document("$in", chunk))).projection(JOINED)
                .forEach(c -> byId.put(c.getString("_id"), joined(c))));
        Map<String, Conversation> chosen = new java.util.LinkedHashMap<>();
        java.util.List<Openings.Opening> openings = new java.util.ArrayList<>();
        firstByProfile.forEach((profileId, message) -> {
            Conversation current = byId.get(pointers.get(profileId));
            boolean plain = references(message.detailsOrNone().headers()).isEmpty();
            if (plain && current != null && !current.isResolved()) {
                chosen.put(profileId, current);
            } else if (plain && !pointers.containsKey(profileId)) {
                openings.add(inbound(profileId, message));
            }
        });
        chosen.putAll(openings.isEmpty() ? Map.of() : this.openings.openAll(openings, now));
        firstByProfile.forEach((profileId, message) -> chosen.computeIfAbsent(profileId,
                p -> forInbound(p, message, now)));
        return chosen;
    }

    /** What an inbound batch reads of a conversation it joins: whether it is open, and when it started waiting. */
    private static final org.bson.Document JOINED = new org.bson.Document("profileId", 1).append("status", 1)
            .append("awaitingReplySince", 1).append("resolvedAt", 1);

    /**
     * A conversation as an inbound batch reads it, without Spring Data's mapping (a tenth of the batch's CPU): id,
     * profile, status, resolution and reply clock only — the batch's marks (see {@code Inbox.touch}) need no more.
     */
    private static Conversation joined(org.bson.Document c) {
        return new Conversation(c.getString("_id"), c.getString("profileId"), c.getString("status"), null, null, null,
                null, null, instant(c.getDate("awaitingReplySince")), null, instant(c.getDate("resolvedAt")), null, null,
                null, Conversation.PRIORITY_NORMAL, null, null, null, null);
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Openings.Opening inbound(String profileId, InboundMessage message) {
        return new Openings.Opening(profileId, message.channel(), "customer", "open", message.detailsOrNone().storeId(),
                Map.of());
    }

    /** Where an outbound message goes: the current unresolved conversation, else a new one waiting on the customer. */
    public Conversation forOutbound(String profileId, String channel, Instant now) {
        return forOutbound(profileId, channel, now, null).conversation();
    }

    /** An outbound message's conversation, and whether this call opened it (so it has no messages yet). */
    public record Target(Conversation conversation, boolean opened) {
    }

    /**
     * {@link #forOutbound} starting from the current conversation its batch read ({@code known}: empty when there was
     * none; null when not read): the pointer is still moved by compare-and-set, so a stale copy only joins the winner.
     */
    public Target forOutbound(String profileId, String channel, Instant now, Optional<Conversation> known) {
        Pointed read = known != null ? new Pointed(known.map(Conversation::id).orElse(null), known) : pointed(profileId);
        Optional<Conversation> current = read.conversation();
        if (current.isPresent() && !current.get().isResolved()) {
            return new Target(current.get(), false);
        }
        // the customer's last messages stay known, so WhatsApp's window is still judged from them
        Map<String, Instant> lastInbound = current.map(Conversation::lastInboundAt).orElse(Map.of());
        String previous = read.conversationId();
        return open(profileId, channel, "outbound", "pending", null, now, lastInbound == null ? Map.of() : lastInbound,
                previous);
    }

    /**
     * The current conversations of many profiles in two reads by {@code _id}: profile id → its conversation (empty:
     * none); a profile whose pointer names a conversation still being written is left out (read alone).
     */
    public Map<String, Optional<Conversation>> currentOfAll(Collection<String> profileIds) {
        Map<String, String> pointers = new HashMap<>();
        ByIds.find(mongo, profileIds, CurrentConversation.class).forEach(p -> pointers.put(p.profileId(), p.conversationId()));
        Map<String, Conversation> byId = new HashMap<>();
        ByIds.find(mongo, Set.copyOf(pointers.values()), Conversation.class).forEach(c -> byId.put(c.id(), c));
        Map<String, Optional<Conversation>> current = new HashMap<>();
        for (String profileId : profileIds) {
            String pointer = pointers.get(profileId);
            if (pointer == null || byId.containsKey(pointer)) {
                current.put(profileId, Optional.ofNullable(byId.get(pointer)));
            }
        }
        return current;
    }

    /** A conversation opened for a complaint another service raised (e.g. a detractor's survey answer). */
    public Conversation forComplaint(String profileId, Instant now) {
        Pointed current = pointed(profileId);
        return current.conversation().filter(c -> !c.isResolved())
                .orElseGet(() -> open(profileId, "system", "complaint", "open", null, now, Map.of(),
                        current.conversationId()).conversation());
    }

    private boolean joinable(Conversation c, Instant now) {
        return !c.isResolved() || (c.resolvedAt() != null && c.resolvedAt().isAfter(now.minus(reopenWindow)));
    }

    private Conversation reopenIfResolved(Conversation c, Instant now) {
        if (!c.isResolved()) {
            return c;
        }
        outbox.publish(Conversation.COLLECTION, c.id(), new ConversationOpened(c.profileId(), c.id(),
                c.lastInboundChannel(), "reopened", now), pending -> mongo.updateFirst(query(where("_id").is(c.id())),
                pending.mark(new Update().set("status", "open").unset("resolvedAt").set("openedAt", now)), Conversation.class));
        return find(c.id()).orElseThrow();
    }

    private Target open(String profileId, String channel, String openedBy, String status, String storeId,
                        Instant now, Map<String, Instant> lastInbound, String previousId) {
        String id = UUID.randomUUID().toString();
        if (!claimCurrent(profileId, previousId, id)) {
            return new Target(currentOf(profileId).orElseThrow(), false); // a concurrent message opened it first: join it
        }
        Conversation conversation = Openings.conversation(new Openings.Opening(profileId, channel, openedBy, status,
                storeId, lastInbound), id, now);
        grouped.publish(Conversation.COLLECTION, new EventOutbox.Keyed(id, new ConversationOpened(profileId, id, channel,
                openedBy, now)), mark -> java.util.List.of(GroupedWrites.Write.insert(Conversation.COLLECTION,
                Openings.marked(conversation, mark))), 0);
        return new Target(conversation, true);
    }

    /** Points the profile at a new conversation unless someone else moved the pointer first (compare and set). */
    private boolean claimCurrent(String profileId, String previousId, String id) {
        if (previousId == null) { // a taken key: claimed meanwhile
            return grouped.insert(CurrentConversation.COLLECTION, Openings.pointer(profileId, id));
        }
        return mongo.updateFirst(query(where("_id").is(profileId).and("conversationId").is(previousId)),
                new Update().set("conversationId", id), CurrentConversation.class).getModifiedCount() == 1;
    }

    private static java.util.List<String> references(Map<String, String> headers) {
        if (headers == null) {
            return java.util.List.of();
        }
        String refs = (headers.getOrDefault("In-Reply-To", "") + " " + headers.getOrDefault("References", "")).trim();
        return refs.isEmpty() ? java.util.List.of() : java.util.Arrays.stream(refs.split("\\s+")).distinct().toList();
    }

    /** Status changes by staff: open, pending, snoozed (until a time) — resolving has its own method. */
    public Conversation setStatus(String id, String status, Instant snoozedUntil) {
        Update update = new Update().set("status", status);
        if ("snoozed".equals(status)) {
            update.set("snoozedUntil", snoozedUntil);
            mongo.save(new org.bson.Document("_id", id).append("until", snoozedUntil), SNOOZES);
        } else {
            update.unset("snoozedUntil");
            mongo.remove(query(where("_id").is(id)), SNOOZES);
        }
        return mongo.findAndModify(query(where("_id").is(id)), update, FindAndModifyOptions.options().returnNew(true),
                Conversation.class);
    }

    /** Snoozed conversations whose time has come are open again (returned, so routing can queue them). */
    public java.util.List<Conversation> wakeDue(Instant now) {
        java.util.List<Conversation> woken = new java.util.ArrayList<>();
        for (org.bson.Document snooze : mongo.find(query(where("until").lte(now)), org.bson.Document.class, SNOOZES)) {
            String id = snooze.getString("_id");
            mongo.remove(query(where("_id").is(id)), SNOOZES);
            find(id).filter(c -> "snoozed".equals(c.status())).ifPresent(c -> woken.add(setStatus(id, "open", null)));
        }
        return woken;
    }

    /** Resolves the conversation, publishing its first-response and resolution times. */
    public Optional<Conversation> resolve(String id, Instant now) {
        Conversation c = find(id).orElse(null);
        if (c == null || c.isResolved()) {
            return Optional.ofNullable(c);
        }
        Long firstResponse = c.firstResponseAt() == null ? null : Duration.between(c.openedAt(), c.firstResponseAt()).toSeconds();
        ConversationResolved event = new ConversationResolved(c.profileId(), id, c.assignee(), c.teamId(),
                c.lastInboundChannel(), firstResponse, Duration.between(c.openedAt(), now).toSeconds(), now);
        outbox.publish(Conversation.COLLECTION, id, event, pending -> mongo.updateFirst(query(where("_id").is(id)),
                pending.mark(new Update().set("status", "resolved").set("resolvedAt", now).unset("awaitingReplySince")
                        .unset("snoozedUntil")), Conversation.class));
        return find(id);
    }

    /** Gives the conversation to an agent (null: back to the queue), published for feeds and reports. */
    public void assign(String id, String agentId, String teamId, String by, Instant now) {
        Conversation c = find(id).orElseThrow();
        Update update = agentId == null ? new Update().unset("assignee") : new Update().set("assignee", agentId);
        if (teamId != null) {
            update.set("teamId", teamId);
        }
        outbox.publish(Conversation.COLLECTION, id, new ConversationAssigned(c.profileId(), id, agentId,
                teamId == null ? c.teamId() : teamId, by, now), pending -> mongo.updateFirst(query(where("_id").is(id)),
                pending.mark(update), Conversation.class));
    }

    public void setPriority(String id, int priority) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().min("priority", priority), Conversation.class);
    }

    public void setComplaint(String id, String complaintId) {
        Update update = complaintId == null ? new Update().unset("complaintId") : new Update().set("complaintId", complaintId);
        mongo.updateFirst(query(where("_id").is(id)), update, Conversation.class);
    }

    public void tag(String id, Set<String> add, Set<String> remove) {
        if (!add.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(id)), new Update().addToSet("tags").each(add.toArray()), Conversation.class);
        }
        if (!remove.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(id)), new Update().pullAll("tags", remove.toArray()), Conversation.class);
        }
    }

    static void ignoreDuplicate(Runnable insert) {
        try {
            insert.run();
        } catch (DuplicateKeyException alreadyThere) {
            // another request did the same
        }
    }
}
