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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** feedback-service's public doors — the QR touchpoint, the web snippet, the in-app API — and its guarded ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicSurveyPathsIT {

    private static final StubBackend feedback = new StubBackend("feedback");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> Infrastructure.get().issuerUri());
        registry.add("omni.gateway.feedback-service", feedback::url);
    }

    @AfterAll
    static void stop() {
        feedback.close();
    }

    @Test
    void aQrTouchpointOpensWithoutATokenAndReachesFeedbackServiceAsItIs() {
        Http.Response scan = Http.get(url("/q/Qr7xK2mPz9?lang=en"), null);
        assertThat(scan.status()).isEqualTo(200);
        assertThat(scan.body()).contains("feedback");
        assertThat(feedback.lastPath()).isEqualTo("/q/Qr7xK2mPz9");
        assertThat(feedback.lastHeaders().getFirst("Authorization")).isNull();

        Http.Response answer = Http.send("POST", url("/q/Qr7xK2mPz9"), null,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "203.0.113.7"), "q_score=9");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(feedback.lastHeaders().getFirst("X-Forwarded-For")).as("the rate limit keys on the client's address")
                .contains("203.0.113.7");
    }

    @Test
    void theWebSnippetAndTheInAppApiArePublicButTheRestOfFeedbackNeedsAToken() {
        assertThat(Http.get(url("/js/omni-survey.js"), null).status()).isEqualTo(200);
        assertThat(feedback.lastPath()).isEqualTo("/js/omni-survey.js");
        assertThat(Http.post(url("/api/feedback/in-app/sessions"), null, "").status()).isEqualTo(200);
        assertThat(feedback.lastPath()).isEqualTo("/api/feedback/in-app/sessions");

        String customer = Tokens.user("carla");
        Http.post(url("/api/feedback/in-app/surveys/web-nps/responses"), customer, "{}");
        assertThat(feedback.lastHeaders().getFirst("Authorization")).as("a signed-in customer's token is relayed")
                .isEqualTo("Bearer " + customer);

        Http.Response guarded = Http.get(url("/api/feedback/surveys/web-nps/summary"), null);
        assertThat(guarded.status()).isEqualTo(401);
        assertThat(guarded.isProblem()).isTrue();
        assertThat(Http.get(url("/js/other.js"), null).status()).as("only the snippet is public").isEqualTo(401);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
