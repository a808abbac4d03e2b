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

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Consent enforced where senders ask: the reachability answer changes the moment consent does. */
@OmniServiceTest
class ConsentIT {

    private static final TestBroker broker = new TestBroker();
    private static EventTap events;
    private static EventTap updates;

    @LocalServerPort
    int port;

    @BeforeAll
    static void tapEvents() {
        events = broker.tap("omni.profile", "omni.profile.consent-changed.v1");
        updates = broker.tap("omni.profile", "omni.profile.updated.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void aWithdrawnMarketingConsentRemovesTheChannelAtOnce() {
        String id = newProfile();
        assertThat(allowed(id, "marketing")).as("opt-in purposes need a grant").isEmpty();
        assertThat(allowed(id, "service")).contains("email", "sms");

        consent(id, "email", "marketing", "granted");
        assertThat(allowed(id, "marketing")).containsExactly("email");

        consent(id, "email", "marketing", "revoked");
        JsonNode reach = reachability(id, "marketing");
        assertThat(reach.get("allowed")).isEmpty();
        JsonNode email = blocked(reach, "email");
        assertThat(email.get("reasons").get(0).asString()).isEqualTo("consent-revoked");

        JsonNode view = Http.get(url("/" + id + "/consents"), Tokens.user("ana")).json();
        assertThat(view.get("history")).hasSize(2);
        assertThat(view.get("history").get(1).get("previousState").asString()).isEqualTo("granted");
        assertThat(EventTap.body(events.await("omni.profile.consent-changed.v1", id))).contains("\"state\":\"granted\"");
    }

    @Test
    void theExplicitPreferenceRanksFirstAndQuietHoursDeferNonServiceMessages() {
        String id = newProfile();
        consent(id, "email", "surveys", "granted");
        consent(id, "sms", "surveys", "granted");
        put(id, "/preferences", Map.of("preferredChannel", "sms"));
        assertThat(allowed(id, "surveys")).containsExactly("sms", "email");

        LocalTime now = LocalTime.now(ZoneId.of("Europe/Madrid"));
        put(id, "/preferences", Map.of("quietFrom", now.minusMinutes(30).withNano(0).toString(),
                "quietUntil", now.plusMinutes(30).withNano(0).toString(), "timezone", "Europe/Madrid"));
        JsonNode reach = reachability(id, "surveys");
        assertThat(reach.get("allowed")).isEmpty();
        assertThat(blocked(reach, "sms").get("reasons").get(0).asString()).isEqualTo("quiet-hours");
        assertThat(blocked(reach, "sms").get("allowedFrom").isNull()).isFalse();
        assertThat(allowed(id, "service")).as("service messages ignore quiet hours").contains("sms");
    }

    @Test
    void theChannelTheCustomerAnswersOnRanksFirstAndShowsOnTheTimeline() {
        String id = newProfile();
        assertThat(allowed(id, "service").get(0)).isEqualTo("sms");
        String redelivered = UUID.randomUUID().toString();
        reply(id, "email", redelivered);
        reply(id, "email", redelivered); // the same event again: counted once
        reply(id, "email", UUID.randomUUID().toString());
        reply(id, "web", UUID.randomUUID().toString()); // a marker: once it counts, the ones before it have
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> replies(id).path("web").asInt() == 1);
        assertThat(replies(id).get("email").asInt()).isEqualTo(2);
        assertThat(allowed(id, "service").get(0)).isEqualTo("email");
        JsonNode first = reachability(id, "service").get("allowed").get(0);
        assertThat(first.get("rank").asString()).isEqualTo("learned");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                Http.get(url("/" + id + "/timeline?type=message.received"), Tokens.user("ana")).json()
                        .get("entries").size() == 3);
    }

    @Test
    void aReplyRedeliveredAfterTheProfileChangedStillCountsOnce() {
        String id = newProfile();
        String redelivered = UUID.randomUUID().toString();
        reply(id, "email", redelivered);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> replies(id).path("email").asInt() == 1);
        put(id, "/preferences", Map.of("doNotContact", false)); // a guarded write in between: a new version
        reply(id, "email", redelivered); // the same message again, as after a lost acknowledgement
        reply(id, "web", UUID.randomUUID().toString()); // a marker: once it counts, the one before it has
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> replies(id).path("web").asInt() == 1);
        assertThat(replies(id).get("email").asInt()).isEqualTo(1);
    }

    private static void reply(String profileId, String channel, String eventId) {
        broker.publish("omni.conversation", "omni.conversation.message-received.v1", eventId, profileId, """
                {"profileId":"%s","conversationId":"c-1","messageId":"%s:m-%s","channel":"%s","receivedAt":"%s"}"""
                .formatted(profileId, channel, eventId, channel, "2026-11-20T10:00:00Z"));
    }

    private JsonNode replies(String id) {
        return Http.get(url("/" + id), Tokens.user("ana")).json().get("preferences").get("repliesByChannel");
    }

    @Test
    void doNotContactStopsEverythingButService() {
        String id = newProfile();
        consent(id, "email", "marketing", "granted");
        put(id, "/preferences", Map.of("doNotContact", true));
        assertThat(allowed(id, "marketing")).isEmpty();
        assertThat(allowed(id, "service")).contains("email");
    }

    @Test
    void aWrongNumberIsNeverOfferedAgainButStaysOnRecord() {
        String phone = IdentityIT.uniquePhone();
        String id = newProfile(phone);
        assertThat(allowed(id, "service")).contains("sms");

        Http.Response marked = Http.post(url("/" + id + "/identifiers/invalid"), Tokens.user("ana"), """
                {"type":"phone","value":"%s","reason":"wrong-number"}""".formatted(phone));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        JsonNode kept = marked.json().get("identifiers").findParents("type").stream()
                .filter(i -> i.get("type").asString().equals("phone")).findFirst().orElseThrow();
        assertThat(kept.get("invalidReason").asString()).isEqualTo("wrong-number");
        assertThat(allowed(id, "service")).doesNotContain("sms").contains("email");
        assertThat(blocked(reachability(id, "service"), "sms").get("reasons").get(0).asString()).isEqualTo("no-address");
        updates.await(m -> id.equals(EventTap.header(m, "ce-subject")) && !EventTap.body(m).contains("\"phone\""),
                java.time.Duration.ofSeconds(30)); // the card other services keep loses the number

        Http.Response notTheirs = Http.post(url("/" + id + "/identifiers/invalid"), Tokens.user("ana"), """
                {"type":"phone","value":"%s"}""".formatted(IdentityIT.uniquePhone()));
        assertThat(notTheirs.status()).isEqualTo(400);
        assertThat(notTheirs.json().get("errors").findValuesAsString("field")).containsExactly("value");
        assertThat(Http.post(url("/" + id + "/identifiers/invalid"), Tokens.user("carla"), """
                {"type":"phone","value":"%s"}""".formatted(phone)).status()).as("customers may not").isEqualTo(403);
    }

    @Test
    void badConsentInputNamesEachField() {
        String id = newProfile();
        Http.Response response = Http.send("PUT", url("/" + id + "/consents"), Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), "{\"channel\":\"pigeon\",\"purpose\":\"x\",\"state\":\"maybe\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("channel", "purpose", "state");
        assertThat(Http.get(url("/" + id + "/reachability?purpose=gossip"), Tokens.user("ana")).status()).isEqualTo(400);
    }

    @Test
    void aCustomerManagesTheirOwnConsentOnly() {
        Http.Response changed = Http.send("PUT", "http://localhost:" + port + "/api/me/consents", Tokens.user("carla"),
                Map.of("Content-Type", "application/json"),
                "{\"channel\":\"email\",\"purpose\":\"marketing\",\"state\":\"denied\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("consents").get("email:marketing").get("source").asString()).isEqualTo("self-service");
        assertThat(Http.get(url("/" + newProfile() + "/consents"), Tokens.user("carla")).status()).isEqualTo(403);
    }

    private String newProfile() {
        return newProfile(IdentityIT.uniquePhone());
    }

    private String newProfile(String phone) {
        String body = """
                {"name":"Consent test","email":"c.%s@example.com","phone":"%s"}""".formatted(
                UUID.randomUUID().toString().substring(0, 8), phone);
        Http.Response created = Http.post(url(""), Tokens.user("ana"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("profileId").asString();
    }

    private void consent(String id, String channel, String purpose, String state) {
        consent(url(""), id, channel, purpose, state);
    }

    /** A consent change recorded by staff with evidence, on the profiles API at {@code profiles}. */
    static void consent(String profiles, String id, String channel, String purpose, String state) {
        Http.Response response = Http.send("PUT", profiles + "/" + id + "/consents", Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), """
                        {"channel":"%s","purpose":"%s","state":"%s","source":"store","evidence":"signed form 12"}"""
                        .formatted(channel, purpose, state));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void put(String id, String path, Map<String, Object> body) {
        Http.Response response = Http.send("PUT", url("/" + id + path), Tokens.user("ana"),
                Map.of("Content-Type", "application/json"), new tools.jackson.databind.json.JsonMapper().writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private JsonNode reachability(String id, String purpose) {
        return Http.get(url("/" + id + "/reachability?purpose=" + purpose), Tokens.user("ana")).json();
    }

    private java.util.List<String> allowed(String id, String purpose) {
        return reachability(id, purpose).get("allowed").findValuesAsString("channel");
    }

    private static JsonNode blocked(JsonNode reach, String channel) {
        for (JsonNode b : reach.get("blocked")) {
            if (b.get("channel").asString().equals(channel)) {
                return b;
            }
        }
        throw new AssertionError(channel + " is not blocked: " + reach);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/profiles" + path;
    }
}
