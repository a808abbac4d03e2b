package com.omnicanal.e2e;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #2's vertical slice as a user meets it: through the gateway with real tokens, a profile created in
 * profile-service reaches the read models of the three other services over the real broker.
 */
class VerticalSliceIT {

    private static Stack stack;

    @BeforeAll
    static void startTheStack() {
        stack = Stack.start();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aProfileCreatedThroughTheGatewayIsVisibleInEveryService() {
        Http.Response created = Http.post(stack.gateway() + "/api/profiles", Tokens.user("ana"), """
                {"name":"Lucía Pérez","email":"lucia@example.com","phone":"+34600111222"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsKey("x-request-id");
        String id = created.json().get("profileId").asString();

        for (String path : List.of("/api/profiles/", "/api/conversations/contacts/", "/api/campaigns/contacts/",
                "/api/feedback/contacts/")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Http.Response seen = Http.get(stack.gateway() + path + id, Tokens.user("ana"));
                assertThat(seen.status()).as(path).isEqualTo(200);
                assertThat(seen.json().get("name").asString()).isEqualTo("Lucía Pérez");
            });
        }
    }

    @Test
    void anErasureReachesEveryServiceAndCompletesWhenAllHaveConfirmed() {
        Http.Response created = Http.post(stack.gateway() + "/api/profiles", Tokens.user("ana"), """
                {"name":"Forget Me","email":"forget.me@example.com"}""");
        String id = created.json().get("profileId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Http.get(stack.gateway() + "/api/feedback/contacts/" + id, Tokens.user("ana")).status() == 200);

        Http.Response requested = Http.post(stack.gateway() + "/api/privacy/" + id + "/erasure", Tokens.user("sofia"), "");
        assertThat(requested.status()).isEqualTo(202);
        String requestId = requested.json().get("requestId").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> "complete".equals(Http.get(stack.gateway()
                + "/api/privacy/requests/" + requestId, Tokens.user("sofia")).json().get("state").asString()));
        JsonNode done = Http.get(stack.gateway() + "/api/privacy/requests/" + requestId, Tokens.user("sofia")).json();
        assertThat(done.get("confirmations").propertyNames()).containsExactlyInAnyOrder("profile-service",
                "conversation-service", "campaign-service", "feedback-service");
        for (String path : List.of("/api/conversations/contacts/", "/api/campaigns/contacts/", "/api/feedback/contacts/")) {
            assertThat(Http.get(stack.gateway() + path + id, Tokens.user("ana")).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aQrCodeScannedThroughTheGatewayByACustomersAppIsTiedToThem() {
        Http.Response created = Http.post(stack.gateway() + "/api/campaigns/qr", Tokens.user("marco"), """
                {"campaign":"e2e-stores","name":"Caja 1","place":"Bilbao, Gran Vía 5","url":"https://shop.example.com/e2e"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();

        Http.Response signedIn = Http.get(stack.gateway() + "/l/" + code, Tokens.user("carla"));
        Http.Response anonymous = Http.get(stack.gateway() + "/l/" + code, null);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers().get("location")).isEqualTo("https://shop.example.com/e2e");
        assertThat(anonymous.status()).isEqualTo(302);
        JsonNode stats = Http.get(stack.gateway() + "/api/campaigns/qr/" + code, Tokens.user("marco")).json();
        assertThat(stats.get("scans").asInt()).isEqualTo(2);
        assertThat(stats.get("knownScans").asInt()).as("the customer's app sent her token; the other scan had none")
                .isEqualTo(1);
    }

    @Test
    void withoutATokenTheGatewayAnswersUnauthorized() {
        Http.Response response = Http.post(stack.gateway() + "/api/profiles", null, "{\"name\":\"X\"}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aCustomerIsForbiddenAndLearnsNothing() {
        Http.Response response = Http.post(stack.gateway() + "/api/profiles", Tokens.user("carla"),
                "{\"name\":\"X\",\"email\":\"x@example.com\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aMalformedBodyIsABadRequestListingTheBadFields() {
        Http.Response response = Http.post(stack.gateway() + "/api/profiles", Tokens.user("ana"),
                "{\"name\":\"\",\"email\":\"nope\",\"phone\":\"12\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("name", "email", "phone");
    }
}
