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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity resolution and merges as issue #3 checks them, with real tokens and events on the real broker. */
@OmniServiceTest
class IdentityIT {

    private static final TestBroker broker = new TestBroker();
    private static EventTap events;

    @LocalServerPort
    int port;

    @BeforeAll
    static void tapEvents() {
        events = broker.tap("omni.profile", "omni.profile.merged.v1", "omni.profile.unmerged.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void smsThenEmailThenAVerifiedWebSignUpEndAsOneProfileAndTheMergeCanBeUndone() {
        String phone = uniquePhone();
        String email = "ines." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String bySms = identify("""
                {"identifiers":[{"type":"phone","value":"%s","verified":true}],"source":"sms"}""".formatted(phone))
                .get("profileId").asString();
        String byEmail = identify("""
                {"identifiers":[{"type":"email","value":"%s","verified":true}],"traits":{"name":"Inés"},"source":"email"}"""
                .formatted(email.toUpperCase())).get("profileId").asString();
        assertThat(byEmail).isNotEqualTo(bySms);

        JsonNode web = identify("""
                {"identifiers":[{"type":"keycloak","value":"%s","verified":true},
                 {"type":"email","value":"%s","verified":true},{"type":"phone","value":"%s","verified":true}],
                 "source":"web"}""".formatted(UUID.randomUUID(), email, phone));

        String survivor = web.get("profileId").asString();
        assertThat(web.get("merges")).hasSize(1);
        String merged = survivor.equals(bySms) ? byEmail : bySms;
        JsonNode survivorView = profile(survivor);
        assertThat(survivorView.get("identifiers").findValuesAsString("type")).contains("phone", "email", "keycloak");
        assertThat(profile(merged).get("status").asString()).isEqualTo("merged");
        assertThat(profile(merged).get("mergedInto").asString()).isEqualTo(survivor);
        String mergeId = web.get("merges").get(0).asString();
        JsonNode mergeRecord = Http.get(url("/merges/" + mergeId), Tokens.user("sofia")).json();
        assertThat(mergeRecord.get("reason").asString()).contains("verified identifier match").contains("user:ana");
        assertThat(EventTap.body(events.await("omni.profile.merged.v1", survivor))).contains(merged);

        Http.Response undone = Http.post(url("/" + merged + "/unmerge"), Tokens.user("sofia"), "{}");
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.json().get("state").asString()).isEqualTo("unmerged");
        assertThat(profile(merged).get("status").asString()).isEqualTo("active");
        assertThat(owner("phone:" + phone)).isEqualTo(bySms);
        assertThat(owner("email:" + email)).isEqualTo(byEmail);
        events.await("omni.profile.unmerged.v1", survivor);
    }

    @Test
    void unverifiedIdentifiersNeverMergeTwoProfiles() {
        String phone = uniquePhone();
        String email = "u." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String first = identify("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}]}".formatted(phone))
                .get("profileId").asString();
        String second = identify("{\"identifiers\":[{\"type\":\"email\",\"value\":\"%s\"}]}".formatted(email))
                .get("profileId").asString();

        JsonNode both = identify("""
                {"identifiers":[{"type":"phone","value":"%s"},{"type":"email","value":"%s"}]}""".formatted(phone, email));

        assertThat(both.get("merges")).isEmpty();
        assertThat(both.get("conflictingProfiles")).hasSize(1);
        assertThat(both.get("conflictingProfiles").get(0).asString()).isIn(first, second);
        assertThat(profile(first).get("status").asString()).isEqualTo("active");
        assertThat(profile(second).get("status").asString()).isEqualTo("active");
    }

    @Test
    void blockedValuesAreSetAsideAndNamed() {
        JsonNode result = identify("""
                {"identifiers":[{"type":"email","value":"test@test.com"},{"type":"phone","value":"%s"}]}"""
                .formatted(uniquePhone()));
        assertThat(result.get("ignored").get(0).get("reason").asString()).isEqualTo("blocked value");
        assertThat(profile(result.get("profileId").asString()).get("identifiers").findValuesAsString("type"))
                .containsExactly("phone");
    }

    @Test
    void invalidIdentifiersAreABadRequestNamingEachOne() {
        Http.Response response = Http.post(url("/identify"), Tokens.user("ana"), """
                {"identifiers":[{"type":"phone","value":"12"},{"type":"fax","value":"x"}]}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("identifiers[0].value", "identifiers[1].type");
    }

    @Test
    void aBatchResolvesEachRequestAsASingleIdentifyWouldInOrder() {
        String known = uniquePhone();
        String knownId = identify("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}]}".formatted(known))
                .get("profileId").asString();
        String fresh = uniquePhone();
        Http.Response batch = Http.post(url("/identify/batch"), Tokens.services(), """
                {"requests":[
                 {"identifiers":[{"type":"whatsapp","value":"%1$s","verified":true},{"type":"phone","value":"%1$s","verified":true}],
                  "traits":{"name":"Nuevo"},"source":"whatsapp"},
                 {"identifiers":[{"type":"phone","value":"%2$s"}],"source":"sms"},
                 {"identifiers":[{"type":"phone","value":"%1$s","verified":true}],"source":"sms"}]}"""
                .formatted(fresh, known));

        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(results).hasSize(3);
        String freshId = results.get(0).get("profileId").asString();
        assertThat(results.get(0).get("created").asBoolean()).isTrue();
        assertThat(results.get(1).get("profileId").asString()).isEqualTo(knownId);
        assertThat(results.get(1).get("created").asBoolean()).isFalse();
        assertThat(results.get(2).get("profileId").asString()).as("the same person later in the batch").isEqualTo(freshId);
        assertThat(owner("whatsapp:" + fresh)).isEqualTo(freshId);
        assertThat(profile(freshId).get("name").asString()).isEqualTo("Nuevo");
    }

    @Test
    void aBatchWithABadRequestNamesEachProblemAndResolvesNone() {
        String fresh = uniquePhone();
        Http.Response batch = Http.post(url("/identify/batch"), Tokens.services(), """
                {"requests":[{"identifiers":[{"type":"phone","value":"%s"}]},
                 {"identifiers":[{"type":"phone","value":"12"}]},{"identifiers":[{"type":"fax","value":"x"}]}]}"""
                .formatted(fresh));

        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.json().get("errors").findValuesAsString("field"))
                .containsExactly("requests[1].identifiers[0].value", "requests[2].identifiers[0].type");
        assertThat(Http.get(url("?identifier=phone:" + java.net.URLEncoder.encode(fresh, java.nio.charset.StandardCharsets.UTF_8)),
                Tokens.user("ana")).status()).as("nothing resolved, nothing created").isEqualTo(404);
        assertThat(Http.post(url("/identify/batch"), Tokens.services(), "{\"requests\":[]}").status()).isEqualTo(400);
        assertThat(Http.post(url("/identify/batch"), Tokens.user("carla"), "{\"requests\":[]}").status()).isEqualTo(403);
    }

    @Test
    void mergingIntoItselfOrUndoingWhatWasNeverMergedIsRefused() {
        String id = identify("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}]}".formatted(uniquePhone()))
                .get("profileId").asString();
        assertThat(Http.post(url("/" + id + "/merge"), Tokens.user("sofia"), "{\"sourceProfileId\":\"" + id + "\"}")
                .status()).isEqualTo(400);
        Http.Response never = Http.post(url("/" + id + "/unmerge"), Tokens.user("sofia"), "{}");
        assertThat(never.status()).isEqualTo(409);
        assertThat(never.json().get("detail").asString()).contains("never merged");
    }

    @Test
    void agentsMayNotMergeAndCustomersMayNotIdentify() {
        assertThat(Http.post(url("/a/merge"), Tokens.user("ana"), "{\"sourceProfileId\":\"b\"}").status()).isEqualTo(403);
        assertThat(Http.post(url("/identify"), Tokens.user("carla"),
                "{\"identifiers\":[{\"type\":\"email\",\"value\":\"x@example.com\"}]}").status()).isEqualTo(403);
    }

    @Test
    void aSignedInCustomerReachesOnlyTheirOwnProfile() {
        Http.Response mine = Http.get("http://localhost:" + port + "/api/me/profile", Tokens.user("carla"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("identifiers").findValuesAsString("type")).contains("keycloak");
        String other = identify("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}]}".formatted(uniquePhone()))
                .get("profileId").asString();
        Http.Response theirs = Http.get(url("/" + other), Tokens.user("carla"));
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.body()).doesNotContain(other);
    }

    private JsonNode identify(String body) {
        Http.Response response = Http.post(url("/identify"), Tokens.user("ana"), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode profile(String id) {
        return Http.get(url("/" + id), Tokens.user("ana")).json();
    }

    private String owner(String identifier) {
        return Http.get(url("?identifier=" + java.net.URLEncoder.encode(identifier, java.nio.charset.StandardCharsets.UTF_8)),
                Tokens.user("ana")).json().get("profileId").asString();
    }

    static String uniquePhone() {
        return "+346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/profiles" + path;
    }
}
