package com.omnicanal.campaign;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
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

/** One Spring context for every campaign test (same properties, in any package), with the helpers they share. */
@OmniServiceTest
public abstract class CampaignTestBase {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("omni.services.profile-url", PlatformServices::profiles);
        registry.add("omni.services.conversation-url", PlatformServices::conversations);
        registry.add("omni.timers.sweep-interval", () -> "PT0.2S");
        registry.add("omni.broadcasts.stale-after", () -> "PT3S"); // a silent instance's broadcast is taken over soon
        registry.add("omni.broadcasts.check-interval", () -> "PT1S");
        registry.add("omni.broadcasts.min-period", () -> "PT2S"); // recurring sends seen within a test
        registry.add("omni.broadcasts.batch", () -> "2"); // progress saved (and pause looked at) every 2 members
    }

    protected String publish(String definition) {
        String id = "j-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response saved = put("/api/journeys/" + id, definition);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(Http.post(url("/api/journeys/" + id + "/publish"), Tokens.user("marco"), "{}").status()).isEqualTo(200);
        return id;
    }

    JsonNode awaitEnrollment(String profileId, String journey, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (JsonNode e : Http.get(url("/api/campaigns/enrollments?profileId=" + profileId), Tokens.user("marco")).json()) {
                if (e.get("journeyId").asString().equals(journey) && condition.test(e)) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    protected static String customer(String phone) {
        return Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"phone","value":"%s","verified":true},
                 {"type":"email","value":"c%s@example.com","verified":true}],"traits":{"name":"Lucía Pérez"}}"""
                .formatted(phone, phone.substring(1))).json().get("profileId").asString();
    }

    static void purchase(String phone, String channel) {
        Http.Response recorded = Http.post(PlatformServices.profiles() + "/api/activities", Tokens.partnerDemo(), """
                {"id":"%s","type":"purchase","customer":{"identifiers":[{"type":"phone","value":"%s"}]},
                 "occurredAt":"2026-11-20T10:00:00Z","channel":"%s","orderId":"A-%s","amount":59.90,"currency":"EUR"}"""
                .formatted(UUID.randomUUID(), phone, channel, phone.substring(6)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    Http.Response put(String path, String json) {
        return put(path, json, Tokens.user("marco"));
    }

    Http.Response put(String path, String json, String token) {
        return Http.send("PUT", url(path), token, Map.of("Content-Type", "application/json"), json);
    }

    protected static String newPhone() {
        return "+346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The newest message the sandbox kept for that recipient on that channel (waits until there is one). */
    static JsonNode sandboxMessage(String channel, String to) {
        return sandboxMessage(channel, to, m -> true);
    }

    /** The newest kept message to that recipient that matches (waits until there is one). */
    static JsonNode sandboxMessage(String channel, String to, Predicate<JsonNode> matching) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode kept = Http.get(PlatformServices.conversations() + "/api/channels/sandbox/outbox?channel=" + channel
                    + "&to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8), Tokens.user("ana")).json();
            for (JsonNode m : kept) {
                if (matching.test(m)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Plays the provider reporting a status for a kept message, through our own signed webhook. */
    static void providerReports(JsonNode kept, String status) {
        Http.Response played = Http.post(PlatformServices.conversations() + "/api/channels/sandbox/outbox/"
                + kept.get("providerMessageId").asString() + "/status", Tokens.user("ana"), "{\"status\":\"" + status + "\"}");
        assertThat(played.json().get("webhookStatus").asInt()).as(played.body()).isLessThan(300);
    }

    /** Plays the customer writing on a channel. */
    static void customerWrites(String channel, String from, String text) {
        Http.Response played = Http.post(PlatformServices.conversations() + "/api/channels/sandbox/" + channel + "/inbound",
                Tokens.user("ana"), "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}");
        assertThat(played.json().get("webhookStatus").asInt()).as(played.body()).isLessThan(300);
    }

    protected static String email(String phone) {
        return "c" + phone.substring(1) + "@example.com";
    }
}
