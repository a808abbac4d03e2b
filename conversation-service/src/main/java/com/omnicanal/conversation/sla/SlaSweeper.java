package com.omnicanal.conversation.sla;

import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.events.conversation.SlaBreached;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Checks running clocks against the conversation itself (so a missed reply notification can never cause a false
 * breach): met clocks are dropped, near ones warn once, late ones are marked breached and published once — a
 * compare-and-set on the clock's status keeps several instances from publishing twice.
 */
@Component
class SlaSweeper {

    private final MongoTemplate mongo;
    private final Conversations conversations;
    private final EventOutbox outbox;
    private final ApplicationEventPublisher local;

    SlaSweeper(MongoTemplate mongo, Conversations conversations, EventOutbox outbox, ApplicationEventPublisher local) {
        this.mongo = mongo;
        this.conversations = conversations;
        this.outbox = outbox;
        this.local = local;
    }

    @Scheduled(fixedDelayString = "${omni.sla.sweep-interval:PT5S}")
    void sweep() {
        Instant now = Instant.now();
        for (SlaClock clock : mongo.find(query(where("status").is("running")), SlaClock.class)) {
            Conversation c = conversations.find(clock.conversationId()).orElse(null);
            if (c == null || met(clock, c)) {
                mongo.remove(query(where("_id").is(clock.id())), SlaClock.class);
            } else if (!now.isBefore(clock.dueAt())) {
                breach(clock, now);
            } else if (!clock.warned() && !now.isBefore(clock.warnAt())) {
                mongo.updateFirst(query(where("_id").is(clock.id())), new Update().set("warned", true), SlaClock.class);
                local.publishEvent(new SlaWarning(c.id(), c.profileId(), clock.target(), clock.dueAt()));
            }
        }
    }

    static boolean met(SlaClock clock, Conversation c) {
        return switch (clock.target()) {
            case SlaClock.FIRST_RESPONSE -> c.firstResponseAt() != null;
            case SlaClock.NEXT_RESPONSE -> c.awaitingReplySince() == null || c.awaitingReplySince().isAfter(clock.startedAt());
            default -> c.isResolved() || c.openedAt().isAfter(clock.startedAt());
        };
    }

    private void breach(SlaClock clock, Instant now) {
        outbox.publish(SlaClock.COLLECTION, clock.id(), new SlaBreached(clock.profileId(), clock.conversationId(),
                clock.target(), clock.policyId(), clock.dueAt(), now), pending -> mongo.updateFirst(
                query(where("_id").is(clock.id()).and("status").is("running")), pending.mark(new Update()
                        .set("status", "breached")), SlaClock.class).getModifiedCount() == 1 ? true : null);
    }
}
