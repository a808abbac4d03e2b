package com.omnicanal.feedback;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Surveys as a customer meets them: a resolved conversation sends a CSAT invitation through conversation-service,
 * the personal link opens an accessible page, the answer is kept once and counted, a detractor opens a recovery
 * complaint, and the cooldown keeps the customer from being asked again — saying why.
 */
@OmniServiceTest
class SurveyIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("omni.services.profile-url", PlatformServices::profiles);
        registry.add("omni.services.conversation-url", PlatformServices::conversations);
    }

    @Test
    void aResolvedConversationIsSurveyedOnceAndADetractorOpensARecoveryComplaint() {
        String survey = "csat-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response saved = put("/api/surveys/" + survey, """
                {"name":"CSAT after support","kind":"csat","trigger":{"on":"conversation-resolved"},
                 "languages":{"es":{"title":"¿Qué tal te atendimos?","invitation":"¿Nos cuentas qué tal?",
                   "questions":[{"id":"score","type":"rating","text":"Del 1 al 5, ¿cómo te atendimos?","min":1,"max":5,
                                 "required":true,"skipTo":{"5":"end"}},
                                {"id":"why","type":"text","text":"¿Qué podemos mejorar?","required":false}],
                   "thanks":"¡Gracias!"},
                  "en":{"title":"How did we do?","questions":[{"id":"score","type":"rating","text":"From 1 to 5?",
                   "min":1,"max":5,"required":true},{"id":"why","type":"text","text":"What can we improve?"}]}}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        String phone = "+346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String profileId = resolveAConversation(phone);
        JsonNode invitation = awaitInvitation(profileId, "sent");
        String token = invitation.get("token").asString();

        Http.Response page = Http.get(url("/s/" + token), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<legend>Del 1 al 5, ¿cómo te atendimos? *</legend>", "<label for=\"q_why\">",
                "lang=\"es\"");
        assertThat(Http.get(url("/s/" + token + "?lang=en"), null).body()).contains("From 1 to 5?");
        assertThat(answer(token, "q_score=9").status()).as("off the scale").isEqualTo(400);
        assertThat(answer(token, "q_why=nada").status()).as("the score is required").isEqualTo(400);

        Http.Response answered = answer(token, "q_score=1&q_why=" + java.net.URLEncoder.encode("muy mal, nadie respondió",
                java.nio.charset.StandardCharsets.UTF_8) + "&lang=es");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("¡Gracias!");
        assertThat(answer(token, "q_score=5").status()).as("single use").isEqualTo(409);
        assertThat(Http.get(url("/s/unknown-token"), null).status()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).until(() -> !Http.get(PlatformServices.conversations()
                + "/api/conversations?profileId=" + profileId, Tokens.user("sofia")).json().path("complaintId").isNull());
        JsonNode summary = Http.get(url("/api/feedback/surveys/" + survey + "/summary"), Tokens.user("sofia")).json();
        assertThat(summary.get("responses").asLong()).isEqualTo(1);
        assertThat(summary.get("sent").asLong()).isEqualTo(1);
        assertThat(summary.get("opened").asLong()).isEqualTo(1);
        assertThat(summary.get("score").asDouble()).as("CSAT %").isZero();
        assertThat(summary.get("distribution").get("1").asLong()).isEqualTo(1);

        resolveAgain(profileId, phone);
        JsonNode skipped = awaitInvitation(profileId, "skipped");
        assertThat(skipped.get("reasons").toString()).contains("cooldown", "open complaint");
    }

    @Test
    void aSurveyInsideTheWhatsAppConversationUnderstandsTheRepliesAndKeepsThemFromTheAgents() {
        String survey = "chat-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/surveys/" + survey, """
                {"name":"CSAT in chat","kind":"csat","trigger":{"on":"manual"},"inConversation":true,
                 "languages":{"es":{"title":"Una pregunta rápida","thanks":"¡Gracias, nos ayuda mucho!",
                   "questions":[{"id":"score","type":"rating","text":"¿Cómo te atendimos?","min":1,"max":5,
                                 "required":true,"skipTo":{"5":"end"}},
                                {"id":"why","type":"text","text":"¿Qué podemos mejorar?"}]}}}""").status()).isEqualTo(200);
        String phone = "+346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"whatsapp","value":"%1$s","verified":true},{"type":"phone","value":"%1$s","verified":true}]}"""
                .formatted(phone)).json().get("profileId").asString();
        Http.send("PUT", PlatformServices.profiles() + "/api/profiles/" + profileId + "/consents", Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), "{\"channel\":\"whatsapp\",\"purpose\":\"surveys\",\"state\":\"granted\"}");
        customerWrites(phone, "Hola, ya tengo mi pedido");
        Http.Response invited = Http.post(url("/api/surveys/" + survey + "/invitations"), Tokens.user("sofia"),
                "{\"profileId\":\"" + profileId + "\",\"channel\":\"whatsapp\"}");
        assertThat(invited.json().get("state").asString()).as(invited.body()).isEqualTo("sent");
        awaitOutbox(phone, "¿Cómo te atendimos? (1–5)");
        String conversation = Http.get(PlatformServices.conversations() + "/api/conversations?profileId=" + profileId,
                Tokens.user("sofia")).json().get("id").asString();
        Http.post(PlatformServices.conversations() + "/api/conversations/" + conversation + "/status", Tokens.user("sofia"),
                "{\"status\":\"resolved\"}"); // the agent is done: from here on, only the survey listens

        customerWrites(phone, "pues... ni idea");
        awaitOutbox(phone, "Perdona, no te he entendido.");
        customerWrites(phone, "👍 genial");
        awaitOutbox(phone, "¡Gracias, nos ayuda mucho!");

        JsonNode summary = Http.get(url("/api/feedback/surveys/" + survey + "/summary"), Tokens.user("sofia")).json();
        assertThat(summary.get("responses").asLong()).isEqualTo(1);
        assertThat(summary.get("distribution").get("5").asLong()).as("👍 is the top of the scale; 5 skips to the end")
                .isEqualTo(1);
        assertThat(Http.get(PlatformServices.conversations() + "/api/conversations/queue", Tokens.user("sofia")).body())
                .as("survey replies are not work for agents").doesNotContain(conversation);
    }

    private void customerWrites(String phone, String text) {
        Http.Response sent = Http.post(PlatformServices.conversations() + "/api/channels/sandbox/whatsapp/inbound",
                Tokens.user("ana"), "{\"from\":\"" + phone + "\",\"text\":\"" + text + "\"}");
        assertThat(sent.json().get("webhookStatus").asInt()).as(sent.body()).isEqualTo(200);
    }

    private void awaitOutbox(String phone, String text) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> Http.get(
                PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=whatsapp&to=" + phone.replace("+", "%2B"),
                Tokens.user("ana")).body().contains(text));
    }

    @Test
    void aBadSurveyNamesEachProblemAndCustomersCannotDesignSurveys() {
        Http.Response bad = put("/api/surveys/bad", """
                {"name":"","kind":"nps","trigger":{"on":"sometimes"},"sampling":2,
                 "languages":{"es":{"title":"x","questions":[{"id":"score","type":"rating","text":"?","min":1,"max":5},
                   {"id":"pick","type":"single","text":"?","options":["a"],"skipTo":{"a":"nowhere"}}]}}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("name", "trigger.on", "sampling",
                "languages.es.questions[0]", "languages.es.questions[1].options", "languages.es.questions[1].skipTo");
        assertThat(Http.send("PUT", url("/api/surveys/x"), Tokens.user("carla"), Map.of("Content-Type",
                "application/json"), "{}").status()).isEqualTo(403);
    }

    private String resolveAConversation(String phone) {
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"phone","value":"%s","verified":true}]}""".formatted(phone)).json()
                .get("profileId").asString();
        Http.send("PUT", PlatformServices.profiles() + "/api/profiles/" + profileId + "/consents", Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), "{\"channel\":\"sms\",\"purpose\":\"surveys\",\"state\":\"granted\"}");
        resolveAgain(profileId, phone);
        return profileId;
    }

    private void resolveAgain(String profileId, String phone) {
        Http.post(PlatformServices.conversations() + "/api/channels/sandbox/sms/inbound", Tokens.user("ana"),
                "{\"from\":\"" + phone + "\",\"text\":\"Necesito ayuda " + UUID.randomUUID() + "\"}");
        JsonNode conversation = Http.get(PlatformServices.conversations() + "/api/conversations?profileId=" + profileId,
                Tokens.user("sofia")).json();
        Http.post(PlatformServices.conversations() + "/api/conversations/" + conversation.get("id").asString() + "/status",
                Tokens.user("sofia"), "{\"status\":\"resolved\"}");
    }

    private JsonNode awaitInvitation(String profileId, String state) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (JsonNode i : Http.get(url("/api/feedback/invitations?profileId=" + profileId), Tokens.user("sofia")).json()) {
                if (state.equals(i.get("state").asString())) {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private Http.Response answer(String token, String form) {
        return Http.send("POST", url("/s/" + token), null, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    private Http.Response put(String path, String json) {
        return Http.send("PUT", url(path), Tokens.user("sofia"), Map.of("Content-Type", "application/json"), json);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
