package com.omnicanal.conversation;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.ServiceProcess;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * profile-service's privacy export (its real jar, pointed at this service) carries the person's conversations and
 * every message in them, from {@code /internal/privacy/{id}/export}, which only services and privacy staff may read.
 */
@OmniServiceTest
class PrivacyExportIT {

    private static final int PORT = ServiceProcess.freePort(); // profile-service must know our URL before we start
    private static final String SECRET = "tg-" + UUID.randomUUID();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("omni.channels.telegram.secret-token", () -> SECRET);
        registry.add("omni.services.profile-url", PrivacyExportIT::exportingProfiles);
    }

    private static String exportingProfiles() {
        return PlatformServices.profiles(Map.of("CONVERSATION_SERVICE_URL", "http://localhost:" + PORT));
    }

    @Test
    void aPersonsExportFromProfileServiceIncludesTheirConversationAndMessages() {
        String from = String.valueOf(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        String text = "¿Dónde está mi pedido? " + UUID.randomUUID().toString().substring(0, 6);
        Http.Response played = Http.post(url("/api/channels/sandbox/telegram/inbound"), Tokens.user("ana"),
                "{\"from\":\"%s\",\"text\":\"%s\"}".formatted(from, text));
        assertThat(played.json().get("webhookStatus").asInt()).as(played.body()).isEqualTo(200);

        JsonNode[] export = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Http.Response person = Http.get(exportingProfiles() + "/api/profiles?identifier=telegram:" + from,
                    Tokens.user("ana"));
            if (person.status() != 200) {
                return false;
            }
            export[0] = Http.get(exportingProfiles() + "/api/privacy/" + person.json().get("profileId").asString()
                    + "/export", Tokens.user("sofia")).json();
            return export[0].at("/sections/conversation-service/data/messages").findValuesAsString("text").contains(text);
        });

        JsonNode ours = export[0].at("/sections/conversation-service");
        assertThat(ours.get("state").asString()).isEqualTo("included");
        assertThat(ours.at("/data/conversations")).hasSize(1);
        assertThat(ours.at("/data/messages").get(0).get("channel").asString()).isEqualTo("telegram");
        assertThat(export[0].get("missing").valueStream().map(JsonNode::asString).toList())
                .doesNotContain("conversation-service");
    }

    @Test
    void onlyServicesAndPrivacyStaffMayReadThisServicesPart() {
        String path = url("/internal/privacy/" + UUID.randomUUID() + "/export");
        assertThat(Http.get(path, null).status()).isEqualTo(401);
        assertThat(Http.get(path, Tokens.user("ana")).status()).as("an agent").isEqualTo(403);
        assertThat(Http.get(path, Tokens.user("carla")).status()).as("a customer").isEqualTo(403);
        Http.Response service = Http.get(path, Tokens.services());
        assertThat(service.status()).isEqualTo(200);
        assertThat(service.json().get("messages")).as("nobody's: nothing").isEmpty();
    }

    private static String url(String path) {
        return "http://localhost:" + PORT + path;
    }
}
