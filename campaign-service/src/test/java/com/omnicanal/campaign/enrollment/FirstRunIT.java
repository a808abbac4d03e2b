package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.CampaignTestBase;
import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A new enrolment is stored where its first run waits, after its message left: a chunk run again after a crash that
 * came before its inserts asks dispatch with the same request ids, so the customer gets one message and one enrolment;
 * a chunk run again after its inserts enrols nobody anew and sends nothing.
 */
class FirstRunIT extends CampaignTestBase {

    @Autowired
    Enroller enroller;

    @Autowired
    Journeys journeys;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aChunkRunAgainSendsNothingTwiceAndEnrolsEachMemberOnce() {
        String journeyId = publish("""
                {"name":"First run","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"hello","type":"send","content":{"es":{"subject":"Hola","text":"Hola {{firstName}}"}}},
                            {"id":"pause","type":"wait","duration":"PT1H"}]}]}""");
        Journey journey = journeys.require(journeyId);
        JourneyDefinition d = journeys.definition(journeyId, journey.activeVersion()).orElseThrow();
        String phone = newPhone();
        String profileId = customer(phone);
        String trigger = "broadcast:" + UUID.randomUUID();

        assertThat(enroller.enrolAll(journey, d, List.of(profileId), trigger, "test")).isEqualTo(1);
        Enrollment first = enrollment(journeyId, profileId);
        assertThat(first.state()).isEqualTo("waiting");
        assertThat(first.history().stream().map(Enrollment.Entry::action)).containsExactly("enrolled", "send:sent", "wait");
        assertThat(sentTo(email(phone))).hasSize(1);

        // a crash after the message left and before the insert: nothing of the enrolment is stored
        mongo.remove(query(where("_id").is(first.id())), Enrollment.class);
        mongo.updateFirst(query(where("_id").is(profileId)), new Update().unset(Entries.field(journeyId)),
                Entries.BY_PROFILE);
        assertThat(enroller.enrolAll(journey, d, List.of(profileId), trigger, "test")).isEqualTo(1);
        Enrollment again = enrollment(journeyId, profileId);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.lastSend().requestId()).isEqualTo(first.lastSend().requestId());
        assertThat(again.history().stream().map(Enrollment.Entry::action)).containsExactly("enrolled", "send:sent", "wait");

        // run again after the insert (a resumed broadcast): counted as enrolled before, nothing new
        assertThat(enroller.enrolAll(journey, d, List.of(profileId), trigger, "test")).isEqualTo(1);
        assertThat(mongo.findById(first.id(), Enrollment.class).history()).hasSize(3);
        assertThat(sentTo(email(phone))).as("one message, however often the chunk ran").hasSize(1);
    }

    private Enrollment enrollment(String journeyId, String profileId) {
        List<Enrollment> found = mongo.find(query(where("journeyId").is(journeyId).and("profileId").is(profileId)),
                Enrollment.class);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static List<JsonNode> sentTo(String address) {
        JsonNode kept = Http.get(PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=email&to="
                + URLEncoder.encode(address, StandardCharsets.UTF_8), Tokens.user("ana")).json();
        return kept.valueStream().toList();
    }
}
