package com.omnicanal.profile;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile API through real Keycloak tokens, and its event on the real broker. */
@OmniServiceTest
class ProfileApiIT {

    private static final TestBroker broker = new TestBroker();
    private static EventTap events;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void listenToProfileEvents() {
        events = broker.tap("omni.profile", "omni.profile.created.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void anAgentCreatesAProfileAndTheOtherServicesAreTold() {
        Http.Response created = Http.post(url(""), Tokens.user("ana"), """
                {"name":"Lucía Pérez","email":"Lucia@Example.com","phone":"+34600111222"}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("profileId").asString();
        assertThat(created.headers().get("location")).endsWith("/api/profiles/" + id);
        Http.Response read = Http.get(url("/" + id), Tokens.user("sofia"));
        assertThat(read.json().get("name").asString()).isEqualTo("Lucía Pérez");
        assertThat(read.json().get("email").asString()).isEqualTo("lucia@example.com");

        Message event = events.await("omni.profile.created.v1", id);
        Map<String, Object> headers = event.getMessageProperties().getHeaders();
        assertThat(headers).containsEntry("ce-type", "omni.profile.created.v1").containsEntry("ce-subject", id)
                .containsEntry("ce-specversion", "1.0").containsKey("ce-id").containsKey("ce-time");
        assertThat(new String(event.getBody(), StandardCharsets.UTF_8)).contains("\"name\":\"Lucía Pérez\"");
    }

    @Test
    void withoutATokenTheCallerIsUnauthorized() {
        Http.Response response = Http.post(url(""), null, "{\"name\":\"X\",\"email\":\"x@example.com\"}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        String forged = Tokens.user("ana").substring(0, Tokens.user("ana").lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertThat(Http.get(url("/anything"), forged).status()).isEqualTo(401);
    }

    @Test
    void aCustomerMayNotCreateOrReadProfiles() {
        Http.Response response = Http.post(url(""), Tokens.user("carla"), "{\"name\":\"X\",\"email\":\"x@example.com\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(Http.get(url("/anything"), Tokens.user("carla")).status()).isEqualTo(403);
    }

    @Test
    void aMalformedBodyListsEveryBadFieldAndWritesNothing() {
        long before = mongo.getCollection("profiles").countDocuments();
        Http.Response response = Http.post(url(""), Tokens.user("ana"), """
                {"name":" ","email":"not-an-email","phone":"600 11 22"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("name", "email", "phone");
        assertThat(mongo.getCollection("profiles").countDocuments()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        Http.Response response = Http.post(url(""), Tokens.user("ana"), "{\"name\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:omnicanal:problem:malformed-body");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Http.Response response = Http.post(url(""), Tokens.user("ana"), huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void anUnknownProfileIsNotFound() {
        Http.Response response = Http.get(url("/does-not-exist"), Tokens.user("ana"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/profiles" + path;
    }
}
