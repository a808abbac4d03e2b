package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.CampaignTestBase;
import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.support.timer.TimerDue;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A plain wait's wake-up sends after checking the enrolment unchanged since it was read, and stores its run once, after
 * the send: a change stored before that check (here an exit) stops it with nothing sent; a status of its send that comes
 * before that write is tried again, not dropped.
 */
class PlainWaitWakeUpIT extends CampaignTestBase {

    @Autowired
    Enroller enroller;

    @Autowired
    Engine engine;

    @Autowired
    Wakeups wakeups;

    @Autowired
    Receipts receipts;

    @Autowired
    CustomerFacts facts;

    @Autowired
    Journeys journeys;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aWakeUpSendsOnceStoresOnceAndAChangeStoredBeforeItsCheckStopsIt() {
        String journeyId = publish("""
                {"name":"Plain wait","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"hello","type":"send","content":{"es":{"subject":"Hola","text":"Hola"}}},
                            {"id":"pause","type":"wait","duration":"PT1H"},
                            {"id":"again","type":"send","content":{"es":{"subject":"Otra","text":"Otra vez"}}}]}]}""");
        Journey journey = journeys.require(journeyId);
        JourneyDefinition d = journeys.definition(journeyId, journey.activeVersion()).orElseThrow();

        // a change stored after the wake-up read the enrolment: its run stops before the send and stores nothing
        String phone = newPhone();
        Enrollment read = enrolledAndWaiting(journey, d, customer(phone));
        mongo.updateFirst(query(where("_id").is(read.id())), new Update().set("state", "exited").inc("revision", 1),
                Enrollment.class);
        engine.runAfter(read, facts.live(), e -> engine.move(e, e.phase(), e.step() + 1,
                Engine.entry(Instant.now(), null, null, "wait-over", "test"), List.of()));
        Enrollment stopped = mongo.findById(read.id(), Enrollment.class);
        assertThat(stopped.state()).isEqualTo("exited");
        assertThat(stopped.history()).hasSize(read.history().size());
        assertThat(sentTo(email(phone))).as("only the first message").hasSize(1);

        // unchanged: the message leaves and the run is one write, after it; the same timer again changes nothing
        String other = newPhone();
        Enrollment waiting = enrolledAndWaiting(journey, d, customer(other));
        String request = waiting.id() + ":again:0";
        mongo.updateFirst(query(where("_id").is(waiting.id())), new Update().set("wakeAt", Instant.now().minusSeconds(1)),
                Enrollment.class); // due: its wake-up may be under way
        assertThatThrownBy(() -> receipts.status(request, "delivered", "email", null))
                .as("its wake-up is due: a status of the next send may come before the run's write")
                .isInstanceOf(Receipts.StatusAhead.class);
        assertThatCode(() -> receipts.status(waiting.id() + ":hello:1", "delivered", "email", null))
                .as("a request before the wait is left behind").doesNotThrowAnyException();

        wakeups.wakeAll(List.of(new TimerDue(waiting.id(), waiting.timerToken())));
        Enrollment done = mongo.findById(waiting.id(), Enrollment.class);
        assertThat(done.revision()).as("one write for the whole run").isEqualTo(waiting.revision() + 1);
        assertThat(done.state()).isEqualTo("completed");
        assertThat(done.lastSend().requestId()).isEqualTo(request);
        assertThat(done.history().stream().map(Enrollment.Entry::action).toList())
                .containsSubsequence("wait", "wait-over", "send:sent", "completed");
        assertThat(sentTo(email(other))).hasSize(2);

        wakeups.wakeAll(List.of(new TimerDue(waiting.id(), waiting.timerToken())));
        assertThat(mongo.findById(waiting.id(), Enrollment.class).revision()).isEqualTo(done.revision());
        assertThat(sentTo(email(other))).hasSize(2);
    }

    private Enrollment enrolledAndWaiting(Journey journey, JourneyDefinition d, String profileId) {
        assertThat(enroller.enrolAll(journey, d, List.of(profileId), "broadcast:" + UUID.randomUUID(), "test"))
                .isEqualTo(1);
        List<Enrollment> found = mongo.find(query(where("journeyId").is(journey.id()).and("profileId").is(profileId)),
                Enrollment.class);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().state()).isEqualTo("waiting");
        return found.getFirst();
    }

    private static List<JsonNode> sentTo(String address) {
        JsonNode kept = Http.get(PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=email&to="
                + URLEncoder.encode(address, StandardCharsets.UTF_8), Tokens.user("ana")).json();
        return kept.valueStream().toList();
    }
}
