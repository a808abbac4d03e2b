package com.omnicanal.conversation.sla;

import com.omnicanal.conversation.inbox.Conversation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Starts SLA clocks when a customer writes: first response (until an agent's first reply), next response (until the
 * agent answers this message) and resolution. Deadlines are computed in business time on the policy's calendar.
 */
@Service
public class SlaClocks {

    private final MongoTemplate mongo;
    private final Calendars calendars;

    SlaClocks(MongoTemplate mongo, Calendars calendars) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.policies = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5))
                .build(k -> mongo.findAll(SlaPolicy.class));
        // the sweeper's compare-and-set queries {_id, status}: the embedded store indexes only that exact key set
        mongo.indexOps(SlaClock.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).unique().named("id_status"));
    }

    /** A customer's message arrived in the conversation at {@code at}. */
    public void customerWrote(Conversation c, String channel, Instant at) {
        Optional<SlaPolicy> policy = policyFor(c, channel);
        if (policy.isEmpty()) {
            return;
        }
        start(c, policy.get(), SlaClock.RESOLUTION, c.openedAt());
        start(c, policy.get(), c.firstResponseAt() == null ? SlaClock.FIRST_RESPONSE : SlaClock.NEXT_RESPONSE,
                c.awaitingReplySince() != null ? c.awaitingReplySince() : at);
    }

    /** Policies change rarely and are read for every customer message: read them at most every few seconds. */
    private final com.github.benmanes.caffeine.cache.LoadingCache<String, java.util.List<SlaPolicy>> policies;

    void policiesChanged() {
        policies.invalidateAll();
    }

    private Optional<SlaPolicy> policyFor(Conversation c, String channel) {
        return policies.get("all").stream().filter(p -> p.fit(c.priority(), channel) >= 0)
                .max(Comparator.comparingInt((SlaPolicy p) -> p.fit(c.priority(), channel)).thenComparing(SlaPolicy::id));
    }

    private void start(Conversation c, SlaPolicy policy, String target, Instant from) {
        Duration goal = policy.target(target);
        if (goal == null) {
            return;
        }
        BusinessCalendar calendar = calendars.get(policy.calendarId());
        Instant due = calendar.addBusinessTime(from, goal);
        Duration warn = policy.warnBefore() == null ? Duration.ZERO : policy.warnBefore();
        Instant warnAt = warn.compareTo(goal) >= 0 ? from : calendar.addBusinessTime(from, goal.minus(warn));
        try {
            mongo.insert(new SlaClock(c.id() + ":" + target + ":" + from.toEpochMilli(), c.id(), c.profileId(), target, policy.id(), from, warnAt,
                    due, false, "running", null));
        } catch (DuplicateKeyException running) {
            // the clock already runs (an earlier message started it); it keeps its deadline
        }
    }
}
