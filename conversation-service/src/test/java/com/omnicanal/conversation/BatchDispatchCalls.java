package com.omnicanal.conversation;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls the batch-dispatch tests make: a customer known to profile-service, a batch posted, an answer's status. */
final class BatchDispatchCalls {

    private BatchDispatchCalls() {
    }

    /** A customer identified by one identifier (JSON), through the real profile-service; its profile id. */
    static String customer(String identifier) {
        return Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"),
                "{\"identifiers\":[" + identifier + "]}").json().get("profileId").asString();
    }

    /** The batch's answers, one per request; the call itself must succeed. */
    static JsonNode batch(int port, List<Map<String, Object>> requests, String token) {
        Http.Response answered = Http.post("http://localhost:" + port + "/api/messages/dispatch/batch", token,
                new JsonMapper().writeValueAsString(Map.of("requests", requests)));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return answered.json().get("results");
    }

    static String status(JsonNode results, int i) {
        return results.get(i).get("status").asString();
    }
}
