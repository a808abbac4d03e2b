package com.omnicanal.profile;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.ServiceProcess;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export and erasure: the request completes only when every service has confirmed over the broker; an export names
 * every section it could not include (feedback-service's part included: feedback-service's PrivacyExportIT).
 */
@OmniServiceTest
class PrivacyIT {

    private static final TestBroker broker = new TestBroker();
    private static final List<String> tokensSeen = new CopyOnWriteArrayList<>();
    private static HttpServer failing;
    private static EventTap erased;

    @DynamicPropertySource
    static void exportSources(DynamicPropertyRegistry registry) {
        int nobodyThere = ServiceProcess.freePort();
        registry.add("omni.services.feedback-url", () -> "http://localhost:" + nobodyThere);
        registry.add("omni.privacy.exports.conversation-service.url", PrivacyIT::failingService);
        registry.add("omni.privacy.exports.conversation-service.path", () -> "/api/privacy/{profileId}/export");
        registry.add("omni.privacy.exports.campaign-service.url", () -> ""); // the "not configured" case
    }

    /** A service that answers 503, and remembers the Authorization header it was asked with. */
    private static synchronized String failingService() {
        if (failing == null) {
            try {
                failing = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            failing.createContext("/", exchange -> {
                tokensSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            failing.start();
        }
        return "http://localhost:" + failing.getAddress().getPort();
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void tapEvents() {
        erased = broker.tap("omni.profile", "omni.profile.erased.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
        if (failing != null) {
            failing.stop(0);
        }
    }

    @Test
    void anExportNamesEverySectionItCouldNotIncludeAndWhy() {
        String email = "export." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = Http.post(url("/api/profiles"), Tokens.user("ana"),
                "{\"name\":\"Export Me\",\"email\":\"" + email + "\"}").json().get("profileId").asString();

        Http.Response answer = Http.get(url("/api/privacy/" + id + "/export"), Tokens.user("sofia"));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.get("complete").asBoolean()).isFalse();
        assertThat(export.get("missing").valueStream().map(JsonNode::asString).toList())
                .containsExactly("conversation-service", "campaign-service", "feedback-service");
        JsonNode sections = export.get("sections");
        assertThat(sections.get("profile-service").get("state").asString()).isEqualTo("included");
        assertThat(sections.at("/profile-service/data/profile/name").asString()).isEqualTo("Export Me");
        assertThat(sections.get("conversation-service").get("reason").asString())
                .isEqualTo("unavailable: conversation-service answered 503");
        assertThat(tokensSeen).as("asked with this service's own token").isNotEmpty()
                .allMatch(header -> header.startsWith("Bearer ey"));
        assertThat(sections.get("campaign-service").get("reason").asString()).startsWith("not configured:");
        assertThat(sections.get("feedback-service").get("state").asString()).isEqualTo("missing");
        assertThat(sections.get("feedback-service").get("reason").asString())
                .isEqualTo("unavailable: feedback-service could not be reached");
        assertThat(sections.get("feedback-service").has("data")).isFalse();
    }

    @Test
    void anErasureCompletesOnlyWhenEveryServiceHasConfirmed() {
        String email = "gone." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = Http.post(url("/api/profiles"), Tokens.user("ana"), "{\"name\":\"To Forget\",\"email\":\"" + email + "\"}")
                .json().get("profileId").asString();

        JsonNode exported = Http.get(url("/api/privacy/" + id + "/export"), Tokens.user("sofia")).json();
        assertThat(exported.at("/sections/profile-service/data/profile/name").asString()).isEqualTo("To Forget");

        Http.Response requested = Http.post(url("/api/privacy/" + id + "/erasure"), Tokens.user("sofia"), "");
        assertThat(requested.status()).isEqualTo(202);
        String requestId = requested.json().get("requestId").asString();
        assertThat(requested.json().get("state").asString()).isEqualTo("requested");
        assertThat(requested.json().get("confirmations").has("profile-service")).isTrue();
        assertThat(EventTap.body(erased.await("omni.profile.erased.v1", id))).contains(requestId);
        assertThat(Http.get(url("/api/profiles/" + id), Tokens.user("ana")).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/profiles?identifier=email:" + email), Tokens.user("ana")).status()).isEqualTo(404);

        for (String context : List.of("conversation", "campaign")) {
            confirm(context, id, requestId);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> status(requestId).get("confirmations").size() == 3);
        assertThat(status(requestId).get("state").asString()).isEqualTo("requested");
        confirm("feedback", id, requestId);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(requestId).get("state").asString().equals("complete"));
    }

    @Test
    void onlySupervisorsAndAdminsEraseOthersAndCustomersExportThemselves() {
        assertThat(Http.post(url("/api/privacy/x/erasure"), Tokens.user("ana"), "").status()).isEqualTo(403);
        Http.Response mine = Http.get(url("/api/me/privacy/export"), Tokens.user("carla"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().at("/sections/profile-service/data/profile/identifiers").findValuesAsString("type"))
                .contains("keycloak");
    }

    private void confirm(String context, String profileId, String requestId) {
        broker.publish("omni." + context, "omni." + context + ".erasure-confirmed.v1", UUID.randomUUID().toString(),
                profileId, """
                        {"profileId":"%s","requestId":"%s","service":"%s-service","occurredAt":"%s"}"""
                        .formatted(profileId, requestId, context, Instant.now()));
    }

    private JsonNode status(String requestId) {
        return Http.get(url("/api/privacy/requests/" + requestId), Tokens.user("sofia")).json();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
