package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Journeys as a new user meets them: a purchase in store enrols the customer and the thank-you goes out through
 * conversation-service (sandbox channels), a failed SMS falls back to e-mail by the phase's rule, a complaint holds
 * the promotion until it is resolved and cooled off, and every decision is readable on the enrolment.
 */
class JourneyIT extends CampaignTestBase {

    @Test
    void aPurchaseInStoreEnrolsTheCustomerAndTheThankYouGoesOutThenAFailedSmsFallsBackToEmail() {
        String journey = publish("""
                {"name":"Thanks","purpose":"service","trigger":{"type":"activity","activityType":"purchase","channel":"store"},
                 "phases":[{"id":"apertura","channels":[{"channel":"sms","role":"primary"},{"channel":"email","role":"support"}],
                   "retry":{"maxAttempts":2,"fallbackOn":["failed"]},
                   "steps":[{"id":"thanks","type":"send","content":{"es":{"text":"Gracias {{firstName}} por tu compra {{activity.orderId}}"}}},
                            {"id":"pause","type":"wait","duration":"PT30S"}]}]}""");
        String phone = newPhone();
        String profileId = customer(phone);
        purchase(phone, "store");

        JsonNode sent = awaitEnrollment(profileId, journey, e -> e.toString().contains("send:sent"));
        assertThat(sent.get("history").toString()).contains("sms: chosen");
        JsonNode kept = Http.get(PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=sms&to=%2B" + phone.substring(1),
                Tokens.user("ana")).json().get(0);
        assertThat(kept.get("text").asString()).startsWith("Gracias").contains("A-");

        assertThat(Http.post(PlatformServices.conversations() + "/api/channels/sandbox/outbox/" + kept.get("providerMessageId").asString()
                + "/status", Tokens.user("ana"), "{\"status\":\"failed\"}").json().get("webhookStatus").asInt()).isEqualTo(200);
        JsonNode fellBack = awaitEnrollment(profileId, journey, e -> e.toString().contains("email: chosen"));
        assertThat(fellBack.get("history").toString()).contains("sms failed", "attempt 2 of 2", "rule: fallback on [failed]");
    }

    @Test
    void aComplaintHoldsThePromotionWhichGoesOutAfterTheResolutionAndTheCoolOff() {
        String journey = publish("""
                {"name":"Cross-sell","purpose":"marketing","trigger":{"type":"activity","activityType":"purchase","channel":"online"},
                 "complaints":{"onOpen":"hold","coolOff":"PT2S"},
                 "phases":[{"id":"refuerzo-vinculo","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"wait","type":"wait","duration":"PT3S"},
                            {"id":"cross-sell","type":"send","content":{"es":{"subject":"Para ti","text":"Un 10 %"}}}]}]}""");
        String phone = newPhone();
        String profileId = customer(phone);
        Http.post(PlatformServices.conversations() + "/api/conversations/complaints", Tokens.services(), """
                {"requestId":"%s","profileId":"%s","category":"delivery","severity":"high","source":"test"}"""
                .formatted(UUID.randomUUID(), profileId));
        purchase(phone, "online");

        JsonNode held = awaitEnrollment(profileId, journey, e -> "held".equals(e.get("state").asString()));
        assertThat(held.get("history").toString()).contains("open complaint");
        String complaintId = Http.get(PlatformServices.conversations() + "/api/conversations?profileId=" + profileId,
                Tokens.user("sofia")).json().get("complaintId").asString();
        Http.post(PlatformServices.conversations() + "/api/conversations/complaints/" + complaintId + "/resolve", Tokens.user("sofia"),
                "{\"resolution\":\"refunded\"}");

        JsonNode resumed = awaitEnrollment(profileId, journey, e -> e.toString().contains("send:"));
        assertThat(resumed.get("history").toString()).contains("complaint resolved", "cool-off");
    }

    @Test
    void anInvalidDefinitionListsEveryProblemWithItsPointer() {
        Http.Response bad = put("/api/journeys/broken", """
                {"name":"Broken","purpose":"marketing","trigger":{"type":"activity"},
                 "phases":[{"id":"apertura","channels":[{"channel":"whatsapp","role":"primary"}],
                   "steps":[{"id":"a","type":"send","content":{"es":{"text":"Hola {{nickname}}"}}},
                            {"id":"b","type":"branch","on":"random","variants":[{"id":"x","weight":1,"next":"a"},
                              {"id":"y","weight":1,"next":"nowhere"}]}]},
                  {"id":"decision","steps":[{"id":"c","type":"send","content":{"es":{"text":"x"}}}]}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("/trigger/activityType",
                "/phases/0/steps/0/template", "/phases/0/steps/0/content/es/text", "/phases/0/steps/1/variants/0/next",
                "/phases/0/steps/1/variants/1/next", "/phases/1/channels");
        assertThat(put("/api/journeys/broken", "{\"name\":\"x\",\"purpose\":\"x\",\"phases\":[{\"id\":\"a\",\"steps\":"
                + "[{\"id\":\"s\",\"type\":\"teleport\"}]}]}").json().get("errors").findValuesAsString("field"))
                .contains("/purpose", "/phases/0/id", "/phases/0/steps/0/type");
        assertThat(Http.get(url("/api/journeys/broken"), Tokens.user("marco")).status()).as("nothing half-written").isEqualTo(404);
        assertThat(put("/api/journeys/x", "{}", Tokens.user("carla")).status()).isEqualTo(403);
    }

    @Test
    void aPartnerMayEnrolAndTheDryRunSaysWhatTheCustomerWouldExperience() {
        String journey = publish("""
                {"name":"Manual","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"hello","type":"send","content":{"es":{"text":"Hola"}}}]}]}""");
        String profileId = customer(newPhone());
        JsonNode dry = Http.post(url("/api/journeys/" + journey + "/dry-run"), Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\"}").json();
        assertThat(dry.get(0).get("outcome").asString()).contains("would go on email", "no retry rule");

        Http.Response enrolled = Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.partnerDemo(),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"r1\"}");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("carla"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"r2\"}").status()).isEqualTo(403);
    }

    @Test
    void aCallTaskWithNoAnswerIsTriedAgainLaterAndDoNotCallRevokesPhoneConsent() {
        String team = "ventas-" + UUID.randomUUID().toString().substring(0, 6);
        String journey = publish("""
                {"name":"Call","purpose":"marketing","trigger":{"type":"manual"},
                 "phases":[{"id":"consideracion","channels":[{"channel":"phone","role":"primary"}],
                   "steps":[{"id":"call","type":"agent-task","team":"%s","script":"Pregunta por sus dudas",
                             "dispositions":["contacted-interested","no-answer","do-not-call"]},
                            {"id":"pause","type":"wait","duration":"PT1M"}]}]}""".formatted(team));
        String profileId = customer(newPhone());
        assertThat(Http.post(url("/api/journeys/" + journey + "/enrollments"), Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"call-1\"}").status()).isEqualTo(201);
        JsonNode task = Http.get(url("/api/campaigns/tasks?team=" + team), Tokens.user("ana")).json().get(0);
        assertThat(task.get("script").asString()).isEqualTo("Pregunta por sus dudas");
        String taskId = task.get("_id").asString();

        assertThat(Http.post(url("/api/campaigns/tasks/" + taskId + "/disposition"), Tokens.user("ana"),
                "{\"disposition\":\"teleported\"}").status()).isEqualTo(400);
        JsonNode done = Http.post(url("/api/campaigns/tasks/" + taskId + "/disposition"), Tokens.user("ana"),
                "{\"disposition\":\"no-answer\"}").json();
        assertThat(done.get("outcome").asString()).contains("call again at", "attempt 2 of 3");
        JsonNode retry = Http.get(url("/api/campaigns/tasks?team=" + team), Tokens.user("ana")).json().get(0);
        assertThat(retry.get("attempt").asInt()).isEqualTo(2);

        Http.post(url("/api/campaigns/tasks/" + retry.get("_id").asString() + "/disposition"), Tokens.user("ana"),
                "{\"disposition\":\"do-not-call\"}");
        JsonNode consents = Http.get(PlatformServices.profiles() + "/api/profiles/" + profileId + "/consents",
                Tokens.user("ana")).json();
        assertThat(consents.toString()).contains("phone:marketing", "revoked");
        assertThat(awaitEnrollment(profileId, journey, e -> e.toString().contains("do-not-call by user:ana"))
                .get("history").toString()).contains("no-answer by user:ana");
    }

    @Test
    void aBroadcastEnrolsEverySegmentMemberShowsItsProgressAndAFinishedOneCannotBeCancelled() {
        String zone = "Pacific/Chatham";
        for (int i = 0; i < 3; i++) {
            Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                    {"identifiers":[{"type":"email","value":"b%s@example.com","verified":true}],"traits":{"timezone":"%s"}}"""
                    .formatted(UUID.randomUUID(), zone));
        }
        String segment = "chatham-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(Http.post(PlatformServices.profiles() + "/api/segments", Tokens.user("marco"), """
                {"id":"%s","name":"Chatham","conditions":[{"field":"timezone","op":"eq","value":"%s"}]}"""
                .formatted(segment, zone)).status()).isLessThan(300);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(PlatformServices.profiles() + "/api/segments/" + segment,
                Tokens.user("marco")).json().get("state").asString().equals("ready"));
        String journey = publish("""
                {"name":"News","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"refuerzo-vinculo","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"news","type":"send","content":{"es":{"subject":"Novedades","text":"Hola {{firstName}}"}}}]}]}""");

        Http.Response started = Http.post(url("/api/campaigns/broadcasts"), Tokens.user("marco"),
                "{\"journeyId\":\"" + journey + "\",\"segmentId\":\"" + segment + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("broadcast").get("total").asLong()).isEqualTo(3);
        String id = started.json().get("broadcast").get("id").asString();
        await().atMost(Duration.ofSeconds(40)).until(() -> Http.get(url("/api/campaigns/broadcasts/" + id),
                Tokens.user("marco")).json().get("broadcast").get("state").asString().equals("completed"));
        JsonNode done = Http.get(url("/api/campaigns/broadcasts/" + id), Tokens.user("marco")).json().get("broadcast");
        assertThat(done.get("processed").asLong()).isEqualTo(3);
        assertThat(done.get("enrolled").asLong()).isEqualTo(3);
        assertThat(Http.post(url("/api/campaigns/broadcasts/" + id + "/cancel"), Tokens.user("marco"), "{}").status())
                .isEqualTo(409);
        assertThat(Http.post(url("/api/campaigns/broadcasts"), Tokens.user("ana"), "{}").status()).isEqualTo(403);
    }
}
