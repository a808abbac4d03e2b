package com.omnicanal.feedback;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
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
@TestPropertySource(properties = {"omni.feedback.qr.per-minute=8", "omni.feedback.answer-recovery=PT1S"})
class SurveyIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

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

        themeRules();
        Http.Response answered = answer(token, "q_score=1&q_why=" + java.net.URLEncoder.encode("muy mal, nadie respondió",
                java.nio.charset.StandardCharsets.UTF_8) + "&lang=es");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("¡Gracias!");
        assertThat(answer(token, "q_score=5").status()).as("single use").isEqualTo(409);
        assertThat(Http.get(url("/s/unknown-token"), null).status()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(PlatformServices.conversations()
                + "/api/conversations/complaints?profileId=" + profileId, Tokens.user("sofia")).json().path("open")
                .asBoolean()); // the detractor's timer opens it within a second or two
        JsonNode summary = Http.get(url("/api/feedback/surveys/" + survey + "/summary"), Tokens.user("sofia")).json();
        assertThat(summary.get("responses").asLong()).isEqualTo(1);
        assertThat(summary.get("sent").asLong()).isEqualTo(1);
        assertThat(summary.get("opened").asLong()).isEqualTo(1);
        assertThat(summary.get("score").asDouble()).as("CSAT %").isZero();
        assertThat(summary.get("distribution").get("1").asLong()).isEqualTo(1);

        JsonNode comments = Http.get(url("/api/feedback/surveys/" + survey + "/comments?q=NADIE+RESPONDIO"),
                Tokens.user("sofia")).json();
        assertThat(comments.get(0).get("comment").asString()).isEqualTo("muy mal, nadie respondió");
        assertThat(comments.get(0).get("score").asInt()).isEqualTo(1);
        assertThat(comments.get(0).get("themes").toString()).contains("attention").doesNotContain("delivery");
        assertThat(Http.get(url("/api/feedback/surveys/" + survey + "/comments?theme=delivery"), Tokens.user("sofia")).json())
                .isEmpty();
        Http.Response csv = Http.get(url("/api/feedback/surveys/" + survey + "/responses.csv"), Tokens.user("sofia"));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,at,version,kind,score,category,channel,agent,team,store,themes,comment\r\n")
                .contains(token + ",", ",1,dissatisfied,sms,", ",attention,\"muy mal, nadie respondió\"");

        resolveAgain(profileId, phone);
        JsonNode skipped = awaitInvitation(profileId, "skipped");
        assertThat(skipped.get("reasons").toString()).contains("cooldown", "open complaint");

        String erasure = Http.post(PlatformServices.profiles() + "/api/privacy/" + profileId + "/erasure", Tokens.user("sofia"), "")
                .json().get("requestId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(PlatformServices.profiles() + "/api/privacy/requests/"
                + erasure, Tokens.user("sofia")).json().path("confirmations").has("feedback-service"));
        JsonNode anonymised = Http.get(url("/api/feedback/responses/" + token), Tokens.user("sofia")).json();
        assertThat(anonymised.hasNonNull("profileId")).as("the profile link goes").isFalse();
        assertThat(anonymised.hasNonNull("comment")).as("the comment goes").isFalse();
        assertThat(anonymised.get("score").asInt()).as("the score stays").isEqualTo(1);
        assertThat(Http.get(url("/api/feedback/surveys/" + survey + "/summary"), Tokens.user("sofia")).json()
                .get("responses").asLong()).as("and stays counted").isEqualTo(1);
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

    @Test
    void aStoreQrCodeOpensTheSurveyTaggedWithTheStoreIdentifiesOnlyWithConsentAndIsRateLimited() throws Exception {
        String survey = "qr-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/surveys/" + survey, """
                {"name":"NPS in store","kind":"nps","trigger":{"on":"manual"},
                 "languages":{"es":{"title":"¿Nos recomendarías?","questions":[
                   {"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true},
                   {"id":"why","type":"text","text":"¿Por qué?"}]}}}""").status()).isEqualTo(200);
        themeRules();
        Http.Response bad = Http.post(url("/api/surveys/" + survey + "/touchpoints"), Tokens.user("sofia"), "{\"store\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("store");
        String store = "madrid-" + UUID.randomUUID().toString().substring(0, 4);
        Http.Response created = Http.post(url("/api/surveys/" + survey + "/touchpoints"), Tokens.user("sofia"),
                "{\"store\":\"" + store + "\",\"name\":\"Madrid Centro\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();
        assertThat(created.json().get("url").asString()).endsWith("/q/" + code);

        assertThat(decodeQr(url(created.json().get("png").asString()))).isEqualTo(created.json().get("url").asString());
        assertThat(Http.get(url(created.json().get("svg").asString()), Tokens.user("sofia")).body()).startsWith("<svg");
        assertThat(Http.get(url(created.json().get("pdf").asString()), Tokens.user("sofia")).body()).startsWith("%PDF");
        assertThat(Http.get(url(created.json().get("pdf").asString()), Tokens.user("carla")).status()).isEqualTo(403);

        Http.Response page = Http.get(url("/q/" + code), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Madrid Centro", "<label for=\"contact\">", "name=\"consent\"");
        String email = "qr-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response noConsent = answerQr(code, "q_score=3&contact=" + email);
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.body()).contains("consentimiento");
        assertThat(answerQr(code, "q_score=9&q_why=muy+amables").status()).as("anonymous").isEqualTo(200);
        assertThat(answerQr(code, "q_score=3&q_why=cola+enorme&consent=yes&contact=" + email).status()).isEqualTo(200);

        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"),
                "{\"identifiers\":[{\"type\":\"email\",\"value\":\"" + email + "\"}]}").json().get("profileId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(PlatformServices.conversations()
                + "/api/conversations/complaints?profileId=" + profileId, Tokens.user("sofia")).json().path("open").asBoolean());
        JsonNode byStore = Http.get(url("/api/feedback/surveys/" + survey + "/summary?store=" + store), Tokens.user("sofia")).json();
        assertThat(byStore.get("responses").asLong()).isEqualTo(2);
        assertThat(byStore.get("opened").asLong()).isEqualTo(1);
        assertThat(byStore.get("distribution").toString()).contains("\"3\":1", "\"9\":1");
        theLoopRecoversTheDetractor(profileId);

        Http.Response limited = null;
        for (int i = 0; i < 30 && (limited == null || limited.status() != 429); i++) {
            limited = Http.get(url("/q/" + code), null);
        }
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.headers()).containsKey("retry-after");
        assertThat(limited.json().get("detail").asString()).contains("try again in");
    }

    @Test
    void aDelayedInvitationWaitsForItsTimerThenItsOneReminderRespectsTheContactPressureBudget() {
        String survey = "timed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/surveys/" + survey, """
                {"name":"CSAT later","kind":"csat","trigger":{"on":"manual"},"delays":{"sms":"PT2S"},"reminderAfter":"PT2S",
                 "languages":{"es":{"title":"¿Qué tal?","invitation":"Cuéntanos:","questions":[
                   {"id":"score","type":"rating","text":"Del 1 al 5","min":1,"max":5,"required":true}]}}}""").status())
                .isEqualTo(200);
        String phone = "+346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"phone","value":"%s","verified":true}]}""".formatted(phone)).json()
                .get("profileId").asString();
        Http.send("PUT", PlatformServices.profiles() + "/api/profiles/" + profileId + "/consents", Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), "{\"channel\":\"sms\",\"purpose\":\"surveys\",\"state\":\"granted\"}");

        JsonNode scheduled = Http.post(url("/api/surveys/" + survey + "/invitations"), Tokens.user("sofia"),
                "{\"profileId\":\"" + profileId + "\",\"channel\":\"sms\"}").json();
        assertThat(scheduled.get("state").asString()).as(scheduled.toString()).isEqualTo("scheduled");
        assertThat(scheduled.get("reasons").toString()).contains("PT2S after manual");
        JsonNode sent = awaitInvitation(profileId, "sent");
        assertThat(java.time.Instant.parse(sent.get("dueAt").asString()))
                .isAfterOrEqualTo(java.time.Instant.parse(sent.get("createdAt").asString()).plusSeconds(2));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> Http.get(
                PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=sms&to=" + phone.replace("+", "%2B"),
                Tokens.user("ana")).body().contains("/s/" + sent.get("token").asString()));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> awaitInvitation(profileId,
                "sent").get("reasons").toString().contains("reminder deferred"));
        assertThat(awaitInvitation(profileId, "sent").get("reasons").toString()).contains("contact-pressure budget");
        assertThat(awaitInvitation(profileId, "sent").hasNonNull("remindedAt")).as("not sent over budget").isFalse();
    }

    /** The QR detractor's case: an agent replies, resolves it, the re-survey says 8: one customer recovered. */
    private void theLoopRecoversTheDetractor(String profileId) {
        assertThat(put("/api/surveys/recovery-" + UUID.randomUUID().toString().substring(0, 8), """
                {"name":"Recovery","kind":"nps","trigger":{"on":"complaint-resolved"},"channels":["email"],
                 "languages":{"es":{"title":"¿Y ahora?","questions":[
                   {"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true}]}}}""").status())
                .isEqualTo(200);
        Http.send("PUT", PlatformServices.profiles() + "/api/profiles/" + profileId + "/consents", Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), "{\"channel\":\"email\",\"purpose\":\"surveys\",\"state\":\"granted\"}");
        JsonNode conversation = Http.get(PlatformServices.conversations() + "/api/conversations?profileId=" + profileId,
                Tokens.user("sofia")).json();
        Http.Response reply = Http.post(PlatformServices.conversations() + "/api/conversations/" + conversation.get("id")
                .asString() + "/messages", Tokens.user("sofia"), "{\"text\":\"Sentimos la espera, ¿le llamamos?\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Http.Response resolved = Http.post(PlatformServices.conversations() + "/api/conversations/complaints/"
                + conversation.get("complaintId").asString() + "/resolve", Tokens.user("sofia"), "{\"resolution\":\"refund\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        JsonNode resurvey = awaitInvitation(profileId, "sent");
        assertThat(resurvey.get("trigger").asString()).isEqualTo("complaint-resolved");
        assertThat(answer(resurvey.get("token").asString(), "q_score=8").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode loop = Http.get(url("/api/feedback/loop?channel=qr"), Tokens.user("sofia")).json();
            assertThat(loop.get("detractors").asLong()).isEqualTo(1);
            assertThat(loop.get("casesOpened").asLong()).isEqualTo(1);
            assertThat(loop.get("contacted").asLong()).as("the agent's reply is the first contact").isEqualTo(1);
            assertThat(loop.get("closed").asLong()).isEqualTo(1);
            assertThat(loop.get("recovered").asLong()).as("re-survey 8: passive").isEqualTo(1);
            assertThat(loop.get("recoveryRate").asDouble()).isEqualTo(100.0);
            assertThat(Http.get(url("/api/feedback/loop?theme=queue"), Tokens.user("sofia")).json().get("recovered").asLong())
                    .as("by the theme of the detractor's comment").isEqualTo(1);
        });
        assertThat(Http.get(url("/api/feedback/loop"), Tokens.user("ana")).status()).as("agents do not read it").isEqualTo(403);
        JsonNode theirs = Http.get(url("/api/feedback/responses?profileId=" + profileId), Tokens.services()).json();
        assertThat(theirs.findValuesAsString("channel")).as("for the privacy export: the QR answer and the re-survey")
                .containsExactlyInAnyOrder("qr", "email");
    }

    /**
     * A writer that died mid-batch: its three answers landed and the channel's counter got them, the overall one did
     * not. Recovery counts them where they were missing, and only there.
     */
    @Test
    void answersOfAWriterThatDiedMidBatchAreCountedOnceByRecovery() {
        String survey = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/surveys/" + survey, """
                {"name":"CSAT","kind":"csat","trigger":{"on":"manual"},"languages":{"es":{"title":"x","questions":[
                  {"id":"score","type":"rating","text":"?","min":1,"max":5,"required":true}]}}}""").status()).isEqualTo(200);
        java.util.Date now = new java.util.Date();
        java.util.List<String> ids = java.util.List.of(survey + "-1", survey + "-2", survey + "-3");
        ids.forEach(id -> mongo.insert(new org.bson.Document("_id", id).append("surveyId", survey).append("version", 1)
                .append("kind", "csat").append("score", 5).append("category", "satisfied").append("channel", "sms")
                .append("at", now), "responses"));
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        mongo.insert(new org.bson.Document("_id", survey + "|channel:sms|" + day).append("completed", 3).append("responses", 3)
                .append("sum", 15).append("hist", new org.bson.Document("5", 3)).append("cat", new org.bson.Document("satisfied", 3))
                .append("seq", new org.bson.Document("deadwriter", 7L)), "survey_stats");
        mongo.insert(new org.bson.Document("_id", "deadwriter:7").append("writer", "deadwriter").append("seq", 7L)
                .append("responses", ids).append("at", java.util.Date.from(now.toInstant().minusSeconds(300))), "answer_batches");

        String summary = url("/api/feedback/surveys/" + survey + "/summary");
        await().atMost(Duration.ofSeconds(40)).until(() -> Http.get(summary, Tokens.user("sofia")).json()
                .get("responses").asLong() == 3);
        assertThat(Http.get(summary + "?channel=sms", Tokens.user("sofia")).json().get("responses").asLong())
                .as("counted there before the crash: not again").isEqualTo(3);
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("deadwriter:7")), "answer_batches"))
                .isFalse();
    }

    /** The same rules from every test that needs them (the rules of a language are replaced whole). */
    private void themeRules() {
        Http.Response bad = Http.send("PUT", url("/api/feedback/themes/es"), Tokens.user("sofia"), Map.of("Content-Type",
                "application/json"), "{\"rules\":{\"Bad Name\":[\"x\"],\"empty\":[]}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("rules.Bad Name", "rules.empty");
        assertThat(Http.send("PUT", url("/api/feedback/themes/es"), Tokens.user("sofia"), Map.of("Content-Type",
                "application/json"), """
                {"rules":{"attention":["nadie respondio","no contestan"],"delivery":["entrega","retraso"],
                          "queue":["cola","esperar"]}}""").status()).isEqualTo(200);
    }

    private Http.Response answerQr(String code, String form) {
        return Http.send("POST", url("/q/" + code), null, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    private String decodeQr(String pngUrl) throws Exception {
        byte[] png = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(pngUrl))
                .header("Authorization", "Bearer " + Tokens.user("sofia")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        return com.omnicanal.testing.QrCodes.text(png);
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

        String survey = "agents-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/surveys/" + survey, """
                {"name":"CSAT","kind":"csat","trigger":{"on":"manual"},"languages":{"es":{"title":"x","questions":[
                  {"id":"score","type":"rating","text":"?","min":1,"max":5,"required":true}]}}}""").status()).isEqualTo(200);
        String summary = "/api/feedback/surveys/" + survey + "/summary";
        assertThat(Http.get(url(summary + "?agent=ana"), Tokens.user("ana")).status()).as("her own").isEqualTo(200);
        assertThat(Http.get(url(summary + "?agent=sofia"), Tokens.user("ana")).status()).as("another's").isEqualTo(403);
        assertThat(Http.get(url(summary), Tokens.user("ana")).status()).as("everyone's").isEqualTo(403);
        assertThat(Http.get(url(summary + "?agent=ana"), Tokens.user("sofia")).status()).as("a supervisor's view").isEqualTo(200);
        assertThat(Http.get(url(summary + "?from=2026-01-10&to=2025-01-01"), Tokens.user("sofia")).status()).isEqualTo(400);
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
