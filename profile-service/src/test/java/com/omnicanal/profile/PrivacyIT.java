package com.omnicanal.profile;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Export and erasure: the request completes only when every service has confirmed over the broker. */
@OmniServiceTest
class PrivacyIT {

    private static final TestBroker broker = new TestBroker();
    private static EventTap erased;

    @LocalServerPort
    int port;

    @BeforeAll
    static void tapEvents() {
        erased = broker.tap("omni.profile", "omni.profile.erased.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void anErasureCompletesOnlyWhenEveryServiceHasConfirmed() {
        String email = "gone." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = Http.post(url("/api/profiles"), Tokens.user("ana"), "{\"name\":\"To Forget\",\"email\":\"" + email + "\"}")
                .json().get("profileId").asString();

        JsonNode exported = Http.get(url("/api/privacy/" + id + "/export"), Tokens.user("sofia")).json();
        assertThat(exported.get("profile").get("name").asString()).isEqualTo("To Forget");

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
        assertThat(mine.json().get("profile").get("identifiers").findValuesAsString("type")).contains("keycloak");
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
