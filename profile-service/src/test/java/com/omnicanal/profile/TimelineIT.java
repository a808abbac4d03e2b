package com.omnicanal.profile;

import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The timeline, fed through the real broker by events (activities: by the request that records them), read newest
 * first with filters.
 */
@OmniServiceTest
class TimelineIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void purchasesAndConsentChangesAppearNewestFirstAndFilterable() {
        String email = "t." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String activities = """
                {"activities":[
                 {"id":"%1$s-1","type":"purchase","occurredAt":"2026-09-03T10:00:00Z","orderId":"A1","amount":10,
                  "currency":"EUR","storeId":"madrid-01","channel":"store","customer":{"identifiers":[{"type":"email","value":"%1$s"}]}},
                 {"id":"%1$s-2","type":"delivery","occurredAt":"2026-10-05T10:00:00Z","orderId":"A1","channel":"online",
                  "customer":{"identifiers":[{"type":"email","value":"%1$s"}]}}]}""".formatted(email);
        Http.Response recorded = Http.post(url("/api/activities"), Tokens.user("ana"), activities);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        String id = recorded.json().get("results").get(0).get("profileId").asString();
        Http.send("PUT", url("/api/profiles/" + id + "/consents"), Tokens.user("ana"), Map.of("Content-Type",
                "application/json"), "{\"channel\":\"email\",\"purpose\":\"marketing\",\"state\":\"granted\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> types(timeline(id, "")).size() >= 4);
        JsonNode all = timeline(id, "");
        assertThat(types(all)).startsWith("consent").contains("delivery", "purchase", "profile.created");
        assertThat(all.get("entries").findValuesAsString("summary"))
                .anyMatch(s -> s.contains("purchase of 10 EUR, order A1 at madrid-01"));
        assertThat(types(timeline(id, "&type=purchase"))).containsExactly("purchase");
        assertThat(types(timeline(id, "&channel=online"))).containsExactly("delivery");

        JsonNode firstPage = timeline(id, "&limit=2");
        assertThat(firstPage.get("entries")).hasSize(2);
        JsonNode secondPage = timeline(id, "&limit=2&before=" + firstPage.get("next").asString());
        assertThat(types(secondPage)).doesNotContainAnyElementsOf(types(firstPage).subList(0, 1));
    }

    @Test
    void anActivityIsOnTheTimelineWhenItsRequestAnswersAndOnceHoweverOftenItIsSent() {
        String email = "tr." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String activity = returned(email, "bilbao-02");
        Http.Response first = Http.post(url("/api/activities"), Tokens.user("ana"), activity);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String id = first.json().get("results").get(0).get("profileId").asString();
        assertThat(types(timeline(id, "&type=return"))).hasSize(1); // written by the request itself, no waiting

        Http.Response changed = Http.post(url("/api/activities"), Tokens.user("ana"), returned(email, "vigo-07"));
        assertThat(changed.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(timeline(id, "&type=return").get("entries").findValuesAsString("summary"))
                .containsExactly("return, order R1 at bilbao-02"); // as first recorded, not as resent
    }

    @Test
    void aResentActivityRestoresTheEntryItsFirstRequestFailedToAppend() {
        String email = "tf." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response first = Http.post(url("/api/activities"), Tokens.user("ana"), returned(email, "bilbao-02"));
        String id = first.json().get("results").get(0).get("profileId").asString();
        mongo.remove(query(where("_id").regex("^" + id + ":")), "timeline"); // as if it failed after the activity write

        Http.Response again = Http.post(url("/api/activities"), Tokens.user("ana"), returned(email, "bilbao-02"));

        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(timeline(id, "&type=return").get("entries").findValuesAsString("eventId")).hasSize(1);
    }

    @Test
    void aBadCursorIsABadRequestAndCustomersCannotReadTimelines() {
        Http.Response created = Http.post(url("/api/profiles"), Tokens.user("ana"),
                "{\"name\":\"T\",\"email\":\"tl." + UUID.randomUUID().toString().substring(0, 8) + "@example.com\"}");
        String id = created.json().get("profileId").asString();
        assertThat(Http.get(url("/api/profiles/" + id + "/timeline?before=yesterday"), Tokens.user("ana")).status())
                .isEqualTo(400);
        assertThat(Http.get(url("/api/profiles/" + id + "/timeline"), Tokens.user("carla")).status()).isEqualTo(403);
    }

    private static String returned(String email, String store) {
        return """
                {"id":"r-%s","type":"return","occurredAt":"2026-11-02T10:00:00Z","orderId":"R1","channel":"store",
                 "storeId":"%s","customer":{"identifiers":[{"type":"email","value":"%s"}]}}""".formatted(email, store, email);
    }

    private JsonNode timeline(String id, String query) {
        return Http.get(url("/api/profiles/" + id + "/timeline?x=1" + query), Tokens.user("ana")).json();
    }

    private static List<String> types(JsonNode page) {
        return page.get("entries").findValuesAsString("type");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
