package com.omnicanal.campaign.measurement;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The facts journeys count. Each sent message has a document by its request id recording where it was sent from and
 * how far its receipts went, so a status, reply or click is counted once, on its transition, wherever the customer's
 * journey stands by then.
 */
@Component
public class Measurements {

    static final String SENDS = "campaign_sends";
    private static final List<String> STATUSES = List.of("sent", "delivered", "read");

    private final MongoTemplate mongo;
    private final Counters counters;
    private final SentMessages sentMessages;

    Measurements(MongoTemplate mongo, Counters counters, SentMessages sentMessages) {
        this.mongo = mongo;
        this.counters = counters;
        this.sentMessages = sentMessages;
    }

    public void enrolled(String journeyId) {
        enrolled(journeyId, 1);
    }

    /** Many enrolled at once (a broadcast's chunk): one increment. */
    public void enrolled(String journeyId, long count) {
        counters.count(new Counters.At(journeyId, null, null, null, null), "enrolled", count);
    }

    /** An A/B split put the customer in a variant: the variant's denominator. */
    public void variant(String journeyId, String variant) {
        counters.entered(journeyId, variant);
    }

    public void sent(String requestId, Counters.At at, Instant when) {
        if (sentMessages.record(new SentMessages.SentMessage(requestId, at.journeyId(), at.phase(), at.step(),
                at.channel(), at.variant(), "sent", when))) {
            counters.count(at, "sent"); // a retried send's document is there already: counted once
        }
    }

    /** A refused or deferred send (or a held promotion), by the reason dispatch or the journey gave. */
    public void suppressed(Counters.At at, List<String> decisions) {
        counters.suppressed(at, SuppressionReasons.of(decisions));
    }

    /** A provider status: counted once per message and status (read implies delivered). */
    public void status(String requestId, String status) {
        boolean failed = "failed".equals(status);
        if (!failed && !STATUSES.contains(status)) {
            return;
        }
        List<String> lower = failed ? STATUSES : STATUSES.subList(0, STATUSES.indexOf(status));
        Document before = mongo.findAndModify(query(where("_id").is(requestId).and("status").in(lower)),
                new Update().set("status", status), FindAndModifyOptions.options().returnNew(false), Document.class, SENDS);
        if (before == null) {
            return;
        }
        Counters.At at = at(before);
        if (failed) {
            counters.count(at, "failed");
            return;
        }
        for (int i = STATUSES.indexOf(before.getString("status")) + 1; i <= STATUSES.indexOf(status); i++) {
            counters.count(at, STATUSES.get(i));
        }
    }

    public void replied(String requestId) {
        flag(requestId, "replied");
    }

    public void clicked(String requestId) {
        flag(requestId, "clicked");
    }

    /** A goal reached within the attribution window of the send that preceded it. */
    public void converted(Counters.At at) {
        counters.count(at, "converted");
    }

    public void revenue(Counters.At at, BigDecimal amount) {
        counters.revenue(at, amount.doubleValue());
    }

    private void flag(String requestId, String flag) {
        Document before = mongo.findAndModify(query(where("_id").is(requestId).and(flag).ne(true)),
                new Update().set(flag, true), FindAndModifyOptions.options().returnNew(false), Document.class, SENDS);
        if (before != null) {
            counters.count(at(before), flag);
        }
    }

    private static Counters.At at(Document send) {
        return new Counters.At(send.getString("journeyId"), send.getString("phase"), send.getString("step"),
                send.getString("channel"), send.getString("variant"));
    }
}
