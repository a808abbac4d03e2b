package com.omnicanal.feedback;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.ServiceProcess;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * profile-service's privacy export (its real jar) carries what this service holds about the person, fetched from
 * the platform's {@code /internal/privacy/{id}/export}; run without a feedback URL, it names this part as not configured.
 */
@OmniServiceTest
@TestPropertySource(properties = "omni.feedback.embed.secret=test-embed-secret")
class PrivacyExportIT {

    private static final int PORT = ServiceProcess.freePort(); // profile-service must know our URL before we start

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("omni.services.profile-url", PrivacyExportIT::exportingProfiles);
    }

    private static String exportingProfiles() {
        return PlatformServices.profiles(Map.of("FEEDBACK_SERVICE_URL", "http://localhost:" + PORT));
    }

    @Test
    void aPersonsExportFromProfileServiceIncludesTheirSurveyResponses() {
        String survey = embeddableSurvey();
        String comment = "respuesta " + suffix();
        Http.Response answered = Http.send("POST", url("/api/feedback/in-app/surveys/" + survey + "/responses"),
                Tokens.user("carla"), Map.of("Content-Type", "application/json"),
                "{\"answers\":{\"score\":9,\"why\":\"" + comment + "\"},\"channel\":\"app\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        String carla = Http.get(exportingProfiles() + "/api/me/profile", Tokens.user("carla")).json().get("id").asString();

        JsonNode export = Http.get(exportingProfiles() + "/api/privacy/" + carla + "/export", Tokens.user("sofia")).json();
        assertThat(export.at("/sections/feedback-service/state").asString()).isEqualTo("included");
        assertThat(missing(export)).as("only the services with no export yet")
                .containsExactly("conversation-service", "campaign-service");
        JsonNode response = responseTo(export, survey);
        assertThat(response.get("score").asInt()).isEqualTo(9);
        assertThat(response.get("comment").asString()).isEqualTo(comment);
        assertThat(response.get("profileId").asString()).isEqualTo(carla);

        JsonNode mine = Http.get(exportingProfiles() + "/api/me/privacy/export", Tokens.user("carla")).json();
        assertThat(responseTo(mine, survey).get("comment").asString()).as("the customer's own export").isEqualTo(comment);
    }

    @Test
    void withoutAFeedbackUrlTheExportNamesThisPartAsNotConfigured() {
        JsonNode export = Http.get(PlatformServices.profiles() + "/api/me/privacy/export", Tokens.user("carla")).json();

        assertThat(export.get("complete").asBoolean()).isFalse();
        assertThat(missing(export)).contains("feedback-service");
        assertThat(export.at("/sections/feedback-service/state").asString()).isEqualTo("missing");
        assertThat(export.at("/sections/feedback-service/reason").asString())
                .isEqualTo("not configured: omni.privacy.exports.feedback-service.url is empty");
        assertThat(export.at("/sections/profile-service/state").asString()).isEqualTo("included");
    }

    private String embeddableSurvey() {
        String survey = "export-" + suffix();
        Http.Response saved = Http.send("PUT", url("/api/surveys/" + survey), Tokens.user("sofia"),
                Map.of("Content-Type", "application/json"), """
                {"name":"App NPS","kind":"nps","trigger":{"on":"manual"},"embeddable":true,
                 "languages":{"es":{"title":"¿Nos recomendarías?","questions":[
                   {"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true},
                   {"id":"why","type":"text","text":"¿Por qué?"}]}}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return survey;
    }

    private static JsonNode responseTo(JsonNode export, String survey) {
        return export.at("/sections/feedback-service/data/responses").valueStream()
                .filter(r -> r.get("surveyId").asString().equals(survey)).findFirst()
                .orElseThrow(() -> new AssertionError("no response to " + survey + " in " + export));
    }

    private static List<String> missing(JsonNode export) {
        return export.get("missing").valueStream().map(JsonNode::asString).toList();
    }

    private static String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
