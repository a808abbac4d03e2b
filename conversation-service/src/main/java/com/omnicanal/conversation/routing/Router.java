package com.omnicanal.conversation.routing;

import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.support.batch.BulkInserts;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Routing: conversations that need a person wait in a priority queue (complaints, then VIPs, then the rest; oldest
 * first) and go to the least-loaded eligible online agent. A queue entry is claimed by deleting it, and an agent's
 * load is incremented then checked, so two instances never over-assign.
 */
@Service
public class Router {

    static final String ASSIGNMENTS = "routing_assignments";

    private final MongoTemplate mongo;
    private final Conversations conversations;
    private final Teams teams;
    /** Conversations this instance put in the queue, with their priority: a second message writes nothing. */
    private final Cache<String, Integer> queued = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    /** Whether any agent is online, re-read every few seconds and at once after a presence change here. */
    private final LoadingCache<String, Boolean> anyoneOnline;

    Router(MongoTemplate mongo, Conversations conversations, Teams teams) {
        this.mongo = mongo;
        this.conversations = conversations;
        this.teams = teams;
        this.anyoneOnline = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(3))
                .build(k -> mongo.findAll(Agent.class).stream().anyMatch(a -> "online".equals(a.presence())));
    }

    /** A conversation that needs an agent, and the channel the customer wrote on. */
    public record Waiting(Conversation conversation, String channel) {
    }

    /** Queues a conversation that needs an agent (no-op when assigned, resolved or already waiting). */
    public void enqueue(Conversation c, String channel, Instant now) {
        enqueueAll(List.of(new Waiting(c, channel)), now);
    }

    /** {@link #enqueue} for a run of conversations: their new queue entries in one unordered insert. */
    public void enqueueAll(Collection<Waiting> waiting, Instant now) {
        List<QueueEntry> entries = waiting.stream().filter(w -> needsEntry(w.conversation())).map(w -> entry(w, now))
                .toList();
        if (entries.isEmpty()) {
            return; // assigned, done, or already waiting at this priority: nothing to write
        }
        Set<Integer> inserted = BulkInserts.insertNew(mongo, QueueEntry.class, entries);
        for (int i = 0; i < entries.size(); i++) {
            QueueEntry entry = entries.get(i);
            if (!inserted.contains(i)) { // waiting already: it keeps the more urgent priority
                mongo.updateFirst(query(where("_id").is(entry.conversationId())),
                        new Update().min("priority", entry.priority()), QueueEntry.class);
            }
            queued.put(entry.conversationId(), entry.priority());
        }
        assignWaiting(now);
    }

    private boolean needsEntry(Conversation c) {
        Integer waitingAt = queued.getIfPresent(c.id());
        return c.assignee() == null && !c.isResolved() && (waitingAt == null || c.priority() < waitingAt);
    }

    private QueueEntry entry(Waiting w, Instant now) {
        Conversation c = w.conversation();
        String team = c.teamId() != null ? c.teamId() : teams.servingChannel(w.channel()).orElse(null);
        return new QueueEntry(c.id(), c.priority(), now, w.channel(), team, c.language());
    }

    /** Hands waiting conversations, most urgent first, to whoever can take them now. */
    /** Presence or agents changed (on this instance): look again instead of trusting the cached answer. */
    public void agentsChanged() {
        anyoneOnline.invalidateAll();
    }

    public synchronized void assignWaiting(Instant now) {
        if (!anyoneOnline.get("any")) {
            return; // nobody to give work to: the queue waits (and is not read at all)
        }
        List<QueueEntry> waiting = mongo.findAll(QueueEntry.class).stream()
                .sorted(Comparator.comparingInt(QueueEntry::priority).thenComparing(QueueEntry::enqueuedAt)).toList();
        for (QueueEntry entry : waiting) {
            Optional<Agent> agent = leastLoaded(entry, mongo.findAll(Agent.class));
            if (agent.isPresent() && claim(entry) && reserve(agent.get().id(), entry.channel())) {
                record(entry.conversationId(), agent.get().id(), entry.channel());
                conversations.assign(entry.conversationId(), agent.get().id(), entry.teamId(), "routing", now);
            }
        }
    }

    private Optional<Agent> leastLoaded(QueueEntry entry, List<Agent> agents) {
        return agents.stream().filter(a -> a.canTake(entry.channel(), entry.teamId(), entry.language()))
                .min(Comparator.comparingDouble((Agent a) -> (double) a.loadOn(entry.channel()) / a.capacityOn(entry.channel()))
                        .thenComparing(Agent::id));
    }

    private boolean claim(QueueEntry entry) {
        queued.invalidate(entry.conversationId());
        return mongo.remove(query(where("_id").is(entry.conversationId())), QueueEntry.class).getDeletedCount() == 1;
    }

    private boolean reserve(String agentId, String channel) {
        Agent after = mongo.findAndModify(query(where("_id").is(agentId)), new Update().inc("load." + channel, 1),
                FindAndModifyOptions.options().returnNew(true), Agent.class);
        if (after != null && after.loadOn(channel) <= after.capacityOn(channel)) {
            return true;
        }
        mongo.updateFirst(query(where("_id").is(agentId)), new Update().inc("load." + channel, -1), Agent.class);
        return false;
    }

    private void record(String conversationId, String agentId, String channel) {
        mongo.save(new Document("_id", conversationId).append("agent", agentId).append("channel", channel), ASSIGNMENTS);
    }

    /** Frees the agent's capacity when a conversation is resolved or taken from them; then assigns waiting ones. */
    public void release(String conversationId, Instant now) {
        Document held = mongo.findAndRemove(query(where("_id").is(conversationId)), Document.class, ASSIGNMENTS);
        queued.invalidate(conversationId);
        mongo.remove(query(where("_id").is(conversationId)), QueueEntry.class);
        if (held != null) {
            mongo.updateFirst(query(where("_id").is(held.getString("agent"))),
                    new Update().inc("load." + held.getString("channel"), -1), Agent.class);
        }
        assignWaiting(now);
    }

    /** A supervisor's decision: the conversation goes to this agent (capacity is not checked: they chose). */
    public void reassign(Conversation c, String agentId, String by, Instant now) {
        Document held = mongo.findAndRemove(query(where("_id").is(c.id())), Document.class, ASSIGNMENTS);
        queued.invalidate(c.id());
        mongo.remove(query(where("_id").is(c.id())), QueueEntry.class);
        String channel = held != null ? held.getString("channel")
                : c.lastInboundChannel() == null ? "webchat" : c.lastInboundChannel();
        if (held != null) {
            mongo.updateFirst(query(where("_id").is(held.getString("agent"))), new Update().inc("load." + channel, -1), Agent.class);
        }
        mongo.updateFirst(query(where("_id").is(agentId)), new Update().inc("load." + channel, 1), Agent.class);
        record(c.id(), agentId, channel);
        conversations.assign(c.id(), agentId, null, by, now);
    }

    public boolean isAgent(String agentId) {
        return mongo.findById(agentId, Agent.class) != null;
    }
}
