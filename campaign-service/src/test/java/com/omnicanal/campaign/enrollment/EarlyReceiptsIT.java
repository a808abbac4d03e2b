package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.CampaignTestBase;
import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.Journeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A provider's status can come before the write that records its send (a new enrolment is stored after its first
 * message leaves): such a status is tried again instead of dropped, while a status of a request the enrolment has
 * left behind is ignored; once the send is stored, the same status applies.
 */
class EarlyReceiptsIT extends CampaignTestBase {

    @Autowired
    Receipts receipts;

    @Autowired
    Journeys journeys;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aStatusAheadOfItsSendIsTriedAgainAndOneOfARequestLeftBehindIsNot() {
        Journey journey = journeys.require(publish("""
                {"name":"Early","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "retry":{"maxAttempts":2,"success":"delivered","successWithin":"PT10M","fallbackOn":["failed"]},
                   "steps":[{"id":"hello","type":"send","content":{"es":{"subject":"Hola","text":"Hola"}}}]}]}"""));
        Enrollment e = Enrollments.fresh(journey, UUID.randomUUID().toString(), "p-" + UUID.randomUUID(), Map.of(),
                "test", Instant.now());
        mongo.insert(e);
        String request = e.id() + ":hello:0";

        assertThatThrownBy(() -> receipts.status(request, "delivered", "email", null))
                .isInstanceOf(Receipts.StatusAhead.class);
        assertThatThrownBy(() -> receipts.status(UUID.randomUUID() + ":hello:0", "delivered", "email", null))
                .as("an enrolment not stored yet").isInstanceOf(Receipts.StatusAhead.class);
        assertThatCode(() -> receipts.status(e.id() + ":hello:1", "delivered", "email", null))
                .as("a request the enrolment is not at").doesNotThrowAnyException();

        mongo.updateFirst(query(where("_id").is(e.id())), new Update().set("lastSend", new Enrollment.LastSend(request,
                "email", 0, 0, Instant.now(), "sent", false, false, false, 1)).set("state", "waiting")
                .set("waitingFor", Receipts.WAITING), Enrollment.class);
        receipts.status(request, "delivered", "email", null);

        Enrollment after = mongo.findById(e.id(), Enrollment.class);
        assertThat(after.lastSend().status()).isEqualTo("delivered");
        assertThat(after.history().stream().map(Enrollment.Entry::action)).contains("receipt", "success");
    }
}
