package com.omnicanal.feedback;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The survey on the customer's other doors: WhatsApp inside and outside the 24-hour window, relationship NPS to a
 * segment on a schedule, the company's web and apps, a page left half-answered; and who reads what.
 */
@OmniServiceTest
@TestPropertySource(properties = "omni.feedback.embed.secret=test-embed-secret")
class SurveyChannelsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("omni.services.profile-url", PlatformServices::profiles);
        registry.add("omni.services.conversation-url", PlatformServices::conversations);
    }

    @Test
    void onWhatsAppTheApprovedTemplateGoesOutsideTheWindowATappableListInsideAndATappedReplyIsRecorded() {
        String template = "csat-" + suffix();
        assertThat(Http.send("PUT", PlatformServices.conversations() + "/api/templates/" + template, Tokens.user("sofia"),
                Map.of("Content-Type", "application/json"), """
                {"kind":"message","languages":{"es":{"body":"{{question}}"}},
                 "whatsapp":{"name":"csat_question","approved":true,"parameters":["question"]}}""").status()).isEqualTo(200);
        String survey = "wa-" + suffix();
        assertThat(put("/api/surveys/" + survey, """
                {"name":"CSAT on WhatsApp","kind":"csat","trigger":{"on":"manual"},"inConversation":true,
                 "whatsappTemplate":"%s","channels":["whatsapp"],
                 "languages":{"es":{"title":"Una pregunta","thanks":"¡Gracias por contestar!","questions":[
                   {"id":"score","type":"rating","text":"¿Cómo te atendimos?","min":1,"max":5,"required":true}]}}}"""
                .formatted(template)).status()).isEqualTo(200);

        String away = phone();
        String awayProfile = whatsAppCustomer(away);
        assertThat(invite(survey, awayProfile, "whatsapp").get("reasons").toString()).contains("outside the 24-hour window");
        JsonNode templated = awaitOutbox(away, "¿Cómo te atendimos?");
        assertThat(templated.get("kind").asString()).isEqualTo("template");
        assertThat(templated.get("template").asString()).isEqualTo("csat_question");
        assertThat(templated.get("templateParameters").get(0).asString()).contains("4 · Bien", "5 · 😀 Excelente");

        customerTaps(away, "list_reply", "4 · Bien"); // a row of the list, as Meta's webhook reports it
        awaitOutbox(away, "¡Gracias por contestar!");

        String here = phone();
        String hereProfile = whatsAppCustomer(here);
        Http.post(PlatformServices.conversations() + "/api/channels/sandbox/whatsapp/inbound", Tokens.user("ana"),
                "{\"from\":\"" + here + "\",\"text\":\"Hola\"}");
        assertThat(invite(survey, hereProfile, "whatsapp").get("reasons").toString()).contains("inside the 24-hour window");
        JsonNode inWindow = awaitOutbox(here, "¿Cómo te atendimos?");
        assertThat(inWindow.get("kind").asString()).isEqualTo("interactive");
        assertThat(inWindow.get("form").asString()).as("five words do not fit three buttons").isEqualTo("list");
        assertThat(inWindow.get("text").asString()).as("the thread keeps the numbered text").contains("1 · 😞 Muy mal");
        assertThat(inWindow.at("/interactive/body").asString()).isEqualTo("Una pregunta\n¿Cómo te atendimos? (1–5)");
        assertThat(inWindow.at("/interactive/choices").findValuesAsString("title")).containsExactly("5 · 😀 Excelente",
                "4 · Bien", "3 · Regular", "2 · Mal", "1 · 😞 Muy mal");
        tap(inWindow, "survey:score:2");
        awaitOutbox(here, "¡Gracias por contestar!");

        JsonNode summary = Http.get(url("/api/feedback/surveys/" + survey + "/summary"), Tokens.user("sofia")).json();
        assertThat(summary.get("responses").asLong()).isEqualTo(2);
        assertThat(summary.get("distribution").toString()).contains("\"2\":1", "\"4\":1");
    }

    @Test
    void npsInsideTheWindowGoesAsTwoListsThenTheNextQuestionAsButtonsAndTapsAreRecordedByTheirIds() {
        String survey = "nps-" + suffix();
        assertThat(put("/api/surveys/" + survey, """
                {"name":"NPS on WhatsApp","kind":"nps","trigger":{"on":"manual"},"inConversation":true,"channels":["whatsapp"],
                 "languages":{"es":{"title":"Dos preguntas","thanks":"¡Gracias de verdad!","questions":[
                   {"id":"score","type":"rating","text":"¿Nos recomendarías?","min":0,"max":10,"required":true},
                   {"id":"why","type":"single","text":"¿Qué pesó más?","options":["Precio","Atención","Rapidez"]}]}}}""")
                .status()).isEqualTo(200);
        String phone = phone();
        String profileId = whatsAppCustomer(phone);
        Http.post(PlatformServices.conversations() + "/api/channels/sandbox/whatsapp/inbound", Tokens.user("ana"),
                "{\"from\":\"" + phone + "\",\"text\":\"Hola\"}");
        String token = invite(survey, profileId, "whatsapp").get("token").asString();

        JsonNode low = awaitOutbox(phone, "¿Nos recomendarías? (0–5)");
        JsonNode high = awaitOutbox(phone, "¿Nos recomendarías? (6–10)");
        assertThat(low.at("/interactive/choices").findValuesAsString("id")).containsExactly("survey:score:0",
                "survey:score:1", "survey:score:2", "survey:score:3", "survey:score:4", "survey:score:5");
        assertThat(high.at("/interactive/choices").findValuesAsString("title")).containsExactly("6", "7", "8", "9", "10");
        assertThat(high.at("/interactive/button").asString()).isEqualTo("6 a 10");
        tap(high, "survey:score:9");

        JsonNode why = awaitOutbox(phone, "¿Qué pesó más?");
        assertThat(why.get("form").asString()).as("three short options fit reply buttons").isEqualTo("buttons");
        tap(why, "survey:why:2");
        awaitOutbox(phone, "¡Gracias de verdad!");
        JsonNode response = Http.get(url("/api/feedback/responses/" + token), Tokens.user("sofia")).json();
        assertThat(response.get("score").asInt()).isEqualTo(9);
        assertThat(response.get("answers").toString()).contains("Atención");
    }

    @Test
    void relationshipNpsGoesToTheSegmentEveryRoundThroughTheSameRules() {
        String zone = "Etc/GMT-3"; // only this test's customers live there: the segment is theirs
        String segment = "rel-" + suffix();
        assertThat(Http.post(PlatformServices.profiles() + "/api/segments", Tokens.user("marco"), """
                {"id":"%s","name":"Relationship","conditions":[{"field":"timezone","op":"eq","value":"%s"}]}"""
                .formatted(segment, zone)).status()).isEqualTo(201);
        String consenting = emailCustomer(zone, true);
        String second = emailCustomer(zone, true);
        String silent = emailCustomer(zone, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(PlatformServices.profiles() + "/api/segments/" + segment,
                Tokens.user("marco")).json().get("memberCount").asLong() == 3);

        Http.Response bad = put("/api/surveys/rel-bad", """
                {"name":"R","kind":"nps","trigger":{"on":"schedule"},"languages":{"es":{"title":"x","questions":[
                  {"id":"score","type":"rating","text":"?","min":0,"max":10,"required":true}]}}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("trigger.segmentId", "trigger.every");

        String survey = "rel-" + suffix();
        String definition = """
                {"name":"Relationship NPS","kind":"nps","trigger":{"on":"%s","segmentId":"%s","every":"PT4S"},
                 "sampling":1,"channels":["email"],"languages":{"es":{"title":"¿Nos recomendarías?","questions":[
                  {"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true}]}}}""";
        assertThat(put("/api/surveys/" + survey, definition.formatted("schedule", segment)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> invitations(silent).size() >= 2); // two rounds, to the end
        put("/api/surveys/" + survey, definition.formatted("manual", segment)); // stops the rounds
        for (String customer : new String[]{consenting, second}) {
            JsonNode theirs = invitations(customer);
            assertThat(theirs.findValuesAsString("trigger")).containsOnly("schedule");
            assertThat(theirs.findValuesAsString("state")).as("sent once, then skipped").contains("sent", "skipped");
            assertThat(theirs.toString()).as("the next round respects the cooldown").contains("cooldown");
        }
        assertThat(invitations(silent).findValuesAsString("state")).as("no consent to surveys").containsOnly("skipped");
        JsonNode rounds = Http.get(url("/api/feedback/surveys/" + survey + "/rounds"), Tokens.user("sofia")).json();
        assertThat(rounds.get("lastRound").get("members").asLong()).isEqualTo(3);
        assertThat(rounds.get("lastRound").get("complete").asBoolean()).as("the member stream's end line was read").isTrue();
        assertThat(rounds.get("lastRound").get("sampled").asLong()).isEqualTo(3);
        assertThat(rounds.get("lastRound").get("sent").asLong()).as("everyone sent to is in the cooldown now").isZero();
    }

    @Test
    void theWebSnippetAndTheAppApiTakeOneAnswerPerVisitorOrCustomerThroughTheSameAnswerPath() {
        Http.Response snippet = Http.get(url("/js/omni-survey.js"), null);
        assertThat(snippet.status()).isEqualTo(200);
        assertThat(snippet.contentType()).startsWith("text/javascript");
        assertThat(snippet.body()).contains("/api/feedback/in-app/sessions", "X-Omni-Visitor", "OmniSurvey");

        String survey = "web-" + suffix();
        String definition = """
                {"name":"Web NPS","kind":"nps","trigger":{"on":"manual"},"embeddable":%s,
                 "languages":{"es":{"title":"¿Nos recomendarías?","questions":[
                   {"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true},
                   {"id":"why","type":"text","text":"¿Por qué?"}]}}}""";
        assertThat(put("/api/surveys/" + survey, definition.formatted(false)).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/feedback/in-app/surveys/" + survey), null).status()).as("not embeddable").isEqualTo(404);
        assertThat(put("/api/surveys/" + survey, definition.formatted(true)).status()).isEqualTo(200);
        JsonNode shown = Http.get(url("/api/feedback/in-app/surveys/" + survey + "?channel=app"), null).json();
        assertThat(shown.get("questions").get(0).get("max").asInt()).isEqualTo(10);

        String visitor = Http.post(url("/api/feedback/in-app/sessions"), null, "").json().get("visitor").asString();
        String answer = "{\"answers\":{\"score\":9,\"why\":\"rápido\"},\"channel\":\"app\"}";
        assertThat(inApp(survey, null, null, answer).status()).as("nobody").isEqualTo(401);
        assertThat(inApp(survey, null, visitor.substring(0, visitor.indexOf('.')) + ".forged", answer).status())
                .isEqualTo(401);
        Http.Response offScale = inApp(survey, null, visitor, "{\"answers\":{\"score\":11}}");
        assertThat(offScale.status()).isEqualTo(400);
        assertThat(offScale.isProblem()).isTrue();
        assertThat(offScale.json().get("errors").findValuesAsString("field")).contains("answers");
        assertThat(inApp(survey, null, visitor, answer).status()).isEqualTo(201);
        assertThat(inApp(survey, null, visitor, answer).status()).as("once per visitor").isEqualTo(409);

        Http.Response signedIn = inApp(survey, Tokens.user("carla"), null, "{\"answers\":{\"score\":3},\"channel\":\"app\"}");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        String carla = Http.get(PlatformServices.profiles() + "/api/me/profile", Tokens.user("carla")).json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode summary = Http.get(url("/api/feedback/surveys/" + survey + "/summary?channel=app"),
                    Tokens.user("sofia")).json();
            assertThat(summary.get("responses").asLong()).isEqualTo(2);
            assertThat(summary.get("opened").asLong()).isEqualTo(1);
        });
        JsonNode export = Http.get(url("/api/feedback/privacy/" + carla + "/export"), Tokens.services()).json();
        assertThat(export.get("responses").findValuesAsString("surveyId")).contains(survey);
        JsonNode internal = Http.get(url("/internal/privacy/" + carla + "/export"), Tokens.services()).json();
        assertThat(internal.get("service").asString()).isEqualTo("feedback-service");
        assertThat(internal.get("responses")).isEqualTo(export.get("responses"));
        assertThat(Http.get(url("/api/feedback/privacy/" + carla + "/export"), Tokens.user("carla")).status()).isEqualTo(403);
        assertThat(Http.get(url("/internal/privacy/" + carla + "/export"), Tokens.user("carla")).status()).isEqualTo(403);
    }

    @Test
    void aHalfAnsweredPageIsKeptShownAgainAndCountedAsStartedUntilItIsCompleted() {
        String survey = "partial-" + suffix();
        assertThat(put("/api/surveys/" + survey, """
                {"name":"NPS","kind":"nps","trigger":{"on":"manual"},"languages":{"es":{"title":"¿Nos recomendarías?",
                 "questions":[{"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true},
                              {"id":"why","type":"text","text":"¿Por qué?","required":true}]}}}""").status()).isEqualTo(200);
        String phone = phone();
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"phone","value":"%s","verified":true}]}""".formatted(phone)).json()
                .get("profileId").asString();
        consent(profileId, "sms");
        String token = invite(survey, profileId, "sms").get("token").asString();
        assertThat(Http.get(url("/s/" + token), null).body()).contains("Guardar y seguir luego");

        Http.Response saved = form(token, "q_score=7&action=save");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(Http.get(url("/s/" + token), null).body()).as("shown again when reopened")
                .contains("value=\"7\" required checked");
        form(token, "q_score=8&q_why=" + enc("me lo pensaré") + "&action=save");
        assertThat(Http.get(url("/s/" + token), null).body()).contains("value=\"8\" required checked", ">me lo pensaré</textarea>");
        JsonNode partial = summary(survey);
        assertThat(partial.get("started").asLong()).as("started once").isEqualTo(1);
        assertThat(partial.get("completed").asLong()).isZero();
        assertThat(partial.get("responses").asLong()).as("a partial is no response").isZero();
        assertThat(Http.get(url("/api/feedback/privacy/" + profileId + "/export"), Tokens.services()).json()
                .get("partialAnswers").get(token).get("score").get(0).asString()).isEqualTo("8");

        assertThat(form(token, "q_score=8").status()).as("still a required answer missing").isEqualTo(400);
        assertThat(form(token, "q_score=8&q_why=" + enc("buen precio")).status()).isEqualTo(200);
        JsonNode done = summary(survey);
        assertThat(done.get("completed").asLong()).isEqualTo(1);
        assertThat(done.get("started").asLong()).isEqualTo(1);
        assertThat(done.get("opened").asLong()).isEqualTo(1);
        assertThat(form(token, "q_score=1&action=save").status()).as("answered: nothing more to save").isEqualTo(409);
        assertThat(Http.get(url("/api/feedback/privacy/" + profileId + "/export"), Tokens.services()).json()
                .get("partialAnswers").size()).isZero();
    }

    @Test
    void anAgentReadsTheResponsesOnConversationsAssignedToThemAndNothingElse() {
        String mine = "conv-" + suffix();
        String theirs = "conv-" + suffix();
        String mineId = "agent-test-" + suffix();
        String theirsId = "agent-test-" + suffix();
        insertResponse(mineId, mine, "ana", 2);
        insertResponse(theirsId, theirs, "luis", 5);

        JsonNode onMine = Http.get(url("/api/feedback/conversations/" + mine + "/responses"), Tokens.user("ana")).json();
        assertThat(onMine.get(0).get("score").asInt()).isEqualTo(2);
        assertThat(Http.get(url("/api/feedback/responses/" + mineId), Tokens.user("ana")).status()).isEqualTo(200);

        Http.Response other = Http.get(url("/api/feedback/conversations/" + theirs + "/responses"), Tokens.user("ana"));
        Http.Response none = Http.get(url("/api/feedback/conversations/conv-none/responses"), Tokens.user("ana"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("luis", theirsId).isEqualTo(none.body().replace("conv-none", theirs));
        assertThat(Http.get(url("/api/feedback/responses/" + theirsId), Tokens.user("ana")).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/feedback/conversations/" + theirs + "/responses"), Tokens.user("sofia")).json()
                .get(0).get("agentId").asString()).isEqualTo("luis");
        assertThat(Http.get(url("/api/feedback/conversations/" + mine + "/responses"), Tokens.user("carla")).status())
                .as("customers").isEqualTo(403);
        assertThat(Http.get(url("/api/feedback/responses?agent=ana"), Tokens.user("ana")).json().findValuesAsString("id"))
                .contains(mineId).doesNotContain(theirsId);
        assertThat(Http.get(url("/api/feedback/responses?agent=luis"), Tokens.user("ana")).status()).isEqualTo(403);
    }

    private void insertResponse(String id, String conversationId, String agent, int score) {
        mongo.insert(new org.bson.Document("_id", id).append("surveyId", "agents").append("version", 1).append("kind", "csat")
                .append("score", score).append("category", score <= 2 ? "dissatisfied" : "satisfied").append("channel", "sms")
                .append("conversationId", conversationId).append("agentId", agent).append("at", new java.util.Date()),
                "responses");
    }

    private String whatsAppCustomer(String phone) {
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"whatsapp","value":"%1$s","verified":true},{"type":"phone","value":"%1$s","verified":true}]}"""
                .formatted(phone)).json().get("profileId").asString();
        consent(profileId, "whatsapp");
        return profileId;
    }

    private String emailCustomer(String zone, boolean consents) {
        String email = "rel-" + suffix() + "@example.com";
        String traits = ",\"traits\":{\"timezone\":\"" + zone + "\"}";
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"),
                "{\"identifiers\":[{\"type\":\"email\",\"value\":\"" + email + "\",\"verified\":true}]" + traits + "}")
                .json().get("profileId").asString();
        if (consents) {
            consent(profileId, "email");
        }
        return profileId;
    }

    private void consent(String profileId, String channel) {
        Http.send("PUT", PlatformServices.profiles() + "/api/profiles/" + profileId + "/consents", Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), "{\"channel\":\"" + channel + "\",\"purpose\":\"surveys\",\"state\":\"granted\"}");
    }

    private JsonNode invite(String survey, String profileId, String channel) {
        Http.Response invited = Http.post(url("/api/surveys/" + survey + "/invitations"), Tokens.user("sofia"),
                "{\"profileId\":\"" + profileId + "\",\"channel\":\"" + channel + "\"}");
        assertThat(invited.json().get("state").asString()).as(invited.body()).isEqualTo("sent");
        return invited.json();
    }

    private JsonNode invitations(String profileId) {
        return Http.get(url("/api/feedback/invitations?profileId=" + profileId), Tokens.user("sofia")).json();
    }

    /** The customer taps a button or a list row: Meta's webhook for an interactive reply, signed with the app secret. */
    private void customerTaps(String phone, String kind, String title) {
        String waId = phone.replace("+", "");
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"SANDBOX_WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"SANDBOX"},
                 "contacts":[{"wa_id":"%1$s","profile":{"name":"Cliente"}}],
                 "messages":[{"from":"%1$s","id":"wamid.IT%2$s","timestamp":"%3$d","type":"interactive",
                   "interactive":{"type":"%4$s","%4$s":{"id":"opt-%2$s","title":"%5$s"}}}]}}]}]}"""
                .formatted(waId, UUID.randomUUID().toString().replace("-", ""), Instant.now().getEpochSecond(), kind, title);
        Http.Response delivered = Http.send("POST", PlatformServices.conversations() + "/webhooks/whatsapp", null,
                Map.of("Content-Type", "application/json", "X-Hub-Signature-256", sign(body)), body);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    }

    /** The customer taps a choice of a kept interactive message: the sandbox sends Meta's webhook for it. */
    private void tap(JsonNode kept, String choice) {
        Http.Response tapped = Http.post(PlatformServices.conversations() + "/api/channels/sandbox/outbox/"
                + kept.get("providerMessageId").asString() + "/tap", Tokens.user("ana"), "{\"choice\":\"" + choice + "\"}");
        assertThat(tapped.json().get("webhookStatus").asInt()).as(tapped.body()).isEqualTo(200);
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PlatformServices.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitOutbox(String phone, String text) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (JsonNode kept : Http.get(PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=whatsapp&to="
                    + phone.replace("+", "%2B"), Tokens.user("ana")).json()) {
                if ((kept.path("text").asString("") + kept.at("/interactive/body").asString("")).contains(text)) {
                    found[0] = kept;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private Http.Response inApp(String survey, String token, String visitor, String body) {
        Map<String, String> headers = visitor == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-Omni-Visitor", visitor);
        return Http.send("POST", url("/api/feedback/in-app/surveys/" + survey + "/responses"), token, headers, body);
    }

    private Http.Response form(String token, String form) {
        return Http.send("POST", url("/s/" + token), null, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    private JsonNode summary(String survey) {
        return Http.get(url("/api/feedback/surveys/" + survey + "/summary"), Tokens.user("sofia")).json();
    }

    private Http.Response put(String path, String json) {
        return Http.send("PUT", url(path), Tokens.user("sofia"), Map.of("Content-Type", "application/json"), json);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String phone() {
        return "+346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
