package com.omnicanal.profile;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The reachability of many customers in one call answers each exactly as the single question does. */
@OmniServiceTest
class BulkReachabilityIT {

    @LocalServerPort
    int port;

    @Test
    void eachAnswerIsTheSingleAnswerAndAnUnknownProfileIsNamed() {
        String granted = newProfile();
        String notGranted = newProfile();
        ConsentIT.consent(url(""), granted, "email", "marketing", "granted");
        String unknown = UUID.randomUUID().toString();

        Http.Response bulk = Http.post(url("/reachability"), Tokens.user("ana"), """
                {"purpose":"marketing","profileIds":["%s","%s","%s"]}""".formatted(granted, notGranted, unknown));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        JsonNode results = bulk.json().get("results");
        assertThat(results.valueStream().map(r -> r.get("profileId").asString()).toList())
                .containsExactly(granted, notGranted, unknown);
        for (String id : new String[]{granted, notGranted}) {
            JsonNode one = Http.get(url("/" + id + "/reachability?purpose=marketing"), Tokens.user("ana")).json();
            JsonNode answer = result(results, id);
            assertThat(answer.get("found").asBoolean()).isTrue();
            assertThat(answer.get("reachability").get("allowed")).isEqualTo(one.get("allowed"));
            assertThat(answer.get("reachability").get("blocked")).isEqualTo(one.get("blocked"));
        }
        assertThat(result(results, granted).get("reachability").get("allowed").findValuesAsString("channel"))
                .containsExactly("email");
        assertThat(result(results, unknown).get("found").asBoolean()).isFalse();
    }

    @Test
    void aSenderThatNamesItsChannelsHearsOnlyOfThem() {
        String id = newProfile();
        ConsentIT.consent(url(""), id, "email", "marketing", "granted");
        JsonNode all = Http.get(url("/" + id + "/reachability?purpose=marketing"), Tokens.user("ana")).json();
        assertThat(all.get("blocked").findValuesAsString("channel")).contains("sms", "whatsapp", "telegram");

        JsonNode some = Http.get(url("/" + id + "/reachability?purpose=marketing&channels=email,sms"), Tokens.user("ana"))
                .json();
        assertThat(some.get("allowed").findValuesAsString("channel")).containsExactly("email");
        assertThat(some.get("blocked").findValuesAsString("channel")).containsExactly("sms");
        JsonNode bulk = Http.post(url("/reachability"), Tokens.user("ana"), """
                {"purpose":"marketing","profileIds":["%s"],"channels":["email","sms"]}""".formatted(id)).json();
        assertThat(bulk.get("results").get(0).get("reachability").get("allowed")).isEqualTo(some.get("allowed"));
        assertThat(bulk.get("results").get(0).get("reachability").get("blocked")).isEqualTo(some.get("blocked"));

        Http.Response unknown = Http.post(url("/reachability"), Tokens.user("ana"), """
                {"purpose":"marketing","profileIds":["%s"],"channels":["email","fax"]}""".formatted(id));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown channel 'fax'");
        assertThat(Http.get(url("/" + id + "/reachability?purpose=marketing&channels=pigeon"), Tokens.user("ana"))
                .status()).isEqualTo(400);
    }

    @Test
    void badInputIsRefusedAndCustomersMayNotAsk() {
        assertThat(Http.post(url("/reachability"), Tokens.user("ana"),
                "{\"purpose\":\"gossip\",\"profileIds\":[\"x\"]}").status()).isEqualTo(400);
        String tooMany = "\"x\",".repeat(1000) + "\"x\"";
        assertThat(Http.post(url("/reachability"), Tokens.user("ana"),
                "{\"purpose\":\"service\",\"profileIds\":[" + tooMany + "]}").status()).isEqualTo(400);
        assertThat(Http.post(url("/reachability"), Tokens.user("ana"),
                "{\"purpose\":\"service\",\"profileIds\":[]}").status()).isEqualTo(400);
        assertThat(Http.post(url("/reachability"), Tokens.user("carla"),
                "{\"purpose\":\"service\",\"profileIds\":[\"x\"]}").status()).isEqualTo(403);
    }

    private static JsonNode result(JsonNode results, String id) {
        for (JsonNode r : results) {
            if (r.get("profileId").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " has no answer: " + results);
    }

    private String newProfile() {
        Http.Response created = Http.post(url(""), Tokens.user("ana"), """
                {"name":"Bulk reach","email":"b.%s@example.com","phone":"%s"}""".formatted(
                UUID.randomUUID().toString().substring(0, 8), IdentityIT.uniquePhone()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("profileId").asString();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/profiles" + path;
    }
}
