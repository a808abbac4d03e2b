package com.omnicanal.gateway;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.Infrastructure;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.ServerSocket;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway with real Keycloak tokens in front of stand-in backends. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    private static final StubBackend profiles = new StubBackend("profile");
    private static final StubBackend conversations = new StubBackend("conversation");
    private static final StubBackend campaigns = new StubBackend("campaign");
    private static final String DOWN = "http://127.0.0.1:" + closedPort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> Infrastructure.get().issuerUri());
        registry.add("omni.gateway.profile-service", profiles::url);
        registry.add("omni.gateway.conversation-service", conversations::url);
        registry.add("omni.gateway.campaign-service", campaigns::url);
        registry.add("omni.gateway.feedback-service", () -> DOWN);
        registry.add("omni.cors.origins", () -> "https://shop.example.com");
        registry.add("omni.gateway.response-timeout", () -> "2s");
    }

    @AfterAll
    static void stopBackends() {
        profiles.close();
        conversations.close();
        campaigns.close();
    }

    @Test
    void aValidTokenIsRelayedWithARequestIdAndTraceContext() {
        String token = Tokens.user("ana");
        Http.Response response = Http.send("GET", url("/api/profiles/p-1"), token, Map.of("X-Request-Id", "req-42"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("profile");
        assertThat(response.headers().get("x-request-id")).isEqualTo("req-42");
        assertThat(profiles.lastPath()).isEqualTo("/api/profiles/p-1");
        assertThat(profiles.lastHeaders().getFirst("Authorization")).isEqualTo("Bearer " + token);
        assertThat(profiles.lastHeaders().getFirst("X-Request-Id")).isEqualTo("req-42");
        assertThat(profiles.lastHeaders().getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void eachPathGoesToItsService() {
        assertThat(Http.get(url("/api/conversations/c-1"), Tokens.user("ana")).body()).contains("conversation");
        assertThat(Http.get(url("/api/journeys/j-1"), Tokens.user("marco")).body()).contains("campaign");
        assertThat(Http.get(url("/api/me/profile"), Tokens.user("carla")).body()).contains("profile");
    }

    @Test
    void withoutOrWithAForgedTokenTheCallerIsUnauthorizedAndLearnsNothing() {
        Http.Response anonymous = Http.get(url("/api/profiles/p-1"), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.body()).doesNotContain("p-1");
        assertThat(anonymous.headers()).containsKey("x-request-id");

        String[] parts = Tokens.user("ana").split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"x\",\"realm_access\":{\"roles\":[\"admin\"]}}".getBytes());
        assertThat(Http.get(url("/api/profiles/p-1"), parts[0] + "." + otherClaims + "." + parts[2]).status())
                .isEqualTo(401);
        assertThat(Http.get(url("/api/profiles/p-1"), "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void publicPathsPassWithoutAToken() {
        assertThat(Http.post(url("/webhooks/whatsapp"), null, "{}").status()).isEqualTo(200);
        assertThat(conversations.lastHeaders().getFirst("Authorization")).isNull();
        assertThat(Http.get(url("/actuator/health/readiness"), null).status()).isEqualTo(200);
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemNamingIt() {
        Http.Response response = Http.get(url("/api/surveys/s-1"), Tokens.user("marco"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("service").asString()).isEqualTo("feedback-service");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsCutOffWith503() {
        Http.Response response = Http.get(url("/api/profiles/p-1/slow"), Tokens.user("ana")); // the stub takes 4 s
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("profile-service did not answer in time");
    }

    @Test
    void aSlowButTimelyServiceIsWaitedFor() {
        assertThat(Http.get(url("/api/profiles/p-1/sluggish"), Tokens.user("ana")).status()).isEqualTo(200);
    }

    @Test
    void corsAnswersConfiguredOriginsOnly() {
        Http.Response allowed = Http.send("OPTIONS", url("/api/profiles/p-1"), null, Map.of("Origin",
                "https://shop.example.com", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Authorization,Content-Type"), null);
        assertThat(allowed.headers().get("access-control-allow-origin")).isEqualTo("https://shop.example.com");
        Http.Response refused = Http.send("OPTIONS", url("/api/profiles/p-1"), null, Map.of("Origin",
                "https://evil.example.com", "Access-Control-Request-Method", "POST"), null);
        assertThat(refused.headers()).doesNotContainKey("access-control-allow-origin");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again at once: nothing listens there
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
