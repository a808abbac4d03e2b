package com.omnicanal.conversation;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The batch dispatch for services: every rule per message, each kept in the customer's thread, once per request id. */
@OmniServiceTest
class BatchDispatchIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("omni.services.profile-url", PlatformServices::profiles);
    }

    @Test
    void eachMessageInABatchGetsItsOwnRulesAndARepeatedRequestIdIsSentOnce() {
        String consenting = customer("{\"type\":\"email\",\"value\":\"batch-" + UUID.randomUUID() + "@example.com\","
                + "\"verified\":true}");
        assertThat(Http.send("PUT", PlatformServices.profiles() + "/api/profiles/" + consenting + "/consents",
                Tokens.user("ana"), Map.of("Content-Type", "application/json"),
                "{\"channel\":\"email\",\"purpose\":\"marketing\",\"state\":\"granted\"}").status()).isEqualTo(200);
        String silent = customer("{\"type\":\"phone\",\"value\":\"+346" + String.format("%08d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L)) + "\"}");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            requests.add(request(run + "-promo-" + i, consenting, "marketing"));
        }
        requests.add(request(run + "-no-consent", silent, "marketing"));
        requests.add(request(run + "-promo-1", consenting, "marketing")); // the same request twice in one batch
        requests.add(request(run + "-unknown", "no-such-profile", "service"));

        JsonNode first = batch(requests, Tokens.services());
        List<String> promos = List.of(status(first, 0), status(first, 1), status(first, 2));
        assertThat(promos).as("two promotions a week, the third deferred").containsExactlyInAnyOrder("sent", "sent",
                "deferred");
        assertThat(first.get(promos.indexOf("deferred")).get("decisions").toString()).contains("contact-pressure budget");
        assertThat(status(first, 3)).isEqualTo("refused");
        assertThat(first.get(3).get("decisions").toString()).contains("consent-missing");
        assertThat(first.get(4).get("requestId").asString()).isEqualTo(run + "-promo-1");
        assertThat(first.get(4).get("status").asString()).isEqualTo(status(first, 0));
        assertThat(status(first, 5)).isEqualTo("invalid");

        JsonNode again = batch(requests, Tokens.services());
        for (int i = 0; i < 5; i++) {
            assertThat(status(again, i)).isEqualTo(status(first, i));
            assertThat(again.get(i).path("messageId").asString(null)).isEqualTo(first.get(i).path("messageId").asString(null));
        }
        List<Document> kept = mongo.find(query(where("profileId").is(consenting)), Document.class, "messages");
        assertThat(kept).as("each sent promotion is in the customer's thread, once").hasSize(2)
                .allSatisfy(m -> assertThat(m.getString("conversationId")).isNotNull());
        assertThat(Http.post(url("/api/messages/dispatch/batch"), Tokens.user("ana"),
                "{\"requests\":[]}").status()).as("services only").isEqualTo(403);
    }

    private static String customer(String identifier) {
        return Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"),
                "{\"identifiers\":[" + identifier + "]}").json().get("profileId").asString();
    }

    private static Map<String, Object> request(String requestId, String profileId, String purpose) {
        return Map.of("requestId", requestId, "profileId", profileId, "purpose", purpose, "text", "Novedades de la semana");
    }

    private JsonNode batch(List<Map<String, Object>> requests, String token) {
        Http.Response answered = Http.post(url("/api/messages/dispatch/batch"), token,
                new JsonMapper().writeValueAsString(Map.of("requests", requests)));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return answered.json().get("results");
    }

    private static String status(JsonNode results, int i) {
        return results.get(i).get("status").asString();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
