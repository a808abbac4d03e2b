package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broadcast whose members take several steps in a row (send, split, wait; then, after the timer, send and end): the
 * engine stores each run's steps as one write, and every decision, event-driven wait and counter is still there once.
 */
class BroadcastStepsIT extends CampaignTestBase {

    private static final int MEMBERS = 5;

    @Test
    void membersTakingConsecutiveStepsRecordEveryEntryAndCounterExactlyOnce() {
        String zone = "Pacific/Pitcairn"; // no other test uses it: the segment holds only these members
        Map<String, String> emails = new HashMap<>();
        for (int i = 0; i < MEMBERS; i++) {
            String email = "s" + UUID.randomUUID() + "@example.com";
            emails.put(Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                    {"identifiers":[{"type":"email","value":"%s","verified":true}],"traits":{"timezone":"%s"}}"""
                    .formatted(email, zone)).json().get("profileId").asString(), email);
        }
        String segment = "pitcairn-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(Http.post(PlatformServices.profiles() + "/api/segments", Tokens.user("marco"), """
                {"id":"%s","name":"Pitcairn","conditions":[{"field":"timezone","op":"eq","value":"%s"}]}"""
                .formatted(segment, zone)).status()).isLessThan(300);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(PlatformServices.profiles() + "/api/segments/" + segment,
                Tokens.user("marco")).json().get("state").asString().equals("ready"));
        String journey = publish("""
                {"name":"Steps","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"hello","type":"send","content":{"es":{"subject":"Hola","text":"Hola {{firstName}}"}}},
                            {"id":"split","type":"branch","on":"random","variants":[{"id":"a","weight":1,"next":"pause"},
                              {"id":"b","weight":1,"next":"pause"}]},
                            {"id":"pause","type":"wait","duration":"PT1S"}]},
                  {"id":"consideracion","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"again","type":"send","content":{"es":{"subject":"Otra","text":"Otra vez"}}}]}]}""");

        Http.Response started = Http.post(url("/api/campaigns/broadcasts"), Tokens.user("marco"),
                "{\"journeyId\":\"" + journey + "\",\"segmentId\":\"" + segment + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);

        List<String> expected = List.of("enrolled", "send:sent", "branch", "wait", "wait-over", "phase-done", "send:sent",
                "phase-done", "completed");
        for (String profileId : emails.keySet()) {
            JsonNode done = awaitEnrollment(profileId, journey, e -> e.get("state").asString().equals("completed"));
            List<String> actions = new ArrayList<>();
            done.get("history").forEach(h -> actions.add(h.get("action").asString()));
            assertThat(actions).as(done.toString()).containsExactlyElementsOf(expected);
            assertThat(done.get("variant").asString()).isIn("a", "b");
            assertThat(Http.get(PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=email&to="
                    + emails.get(profileId), Tokens.user("ana")).json().size()).isEqualTo(2); // each message sent once
        }
        JsonNode stats = Http.get(url("/api/journeys/" + journey + "/stats?metric=sent"), Tokens.user("marco")).json();
        assertThat(stats.get("total").get("enrolled").asInt()).isEqualTo(MEMBERS);
        assertThat(stats.get("total").get("sent").asInt()).isEqualTo(2 * MEMBERS);
        assertThat(stats.get("steps").get("hello").get("sent").asInt()).isEqualTo(MEMBERS);
        assertThat(stats.get("steps").get("again").get("sent").asInt()).isEqualTo(MEMBERS);
        assertThat(stats.get("variants").path("a").path("enrolled").asInt()
                + stats.get("variants").path("b").path("enrolled").asInt()).isEqualTo(MEMBERS);
    }
}
