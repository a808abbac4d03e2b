package com.omnicanal.profile;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Segments follow the data at once: a qualifying purchase puts the customer in, with a count and an event. */
@OmniServiceTest
class SegmentIT {

    private static final TestBroker broker = new TestBroker();
    private static EventTap events;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void tapEvents() {
        events = broker.tap("omni.profile", "omni.profile.segment-membership-changed.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void aRecentBigPurchaseEntersTheSegmentAndTheMemberIsCountedAndStreamed() {
        String segment = "big-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.post(url("/api/segments"), Tokens.user("marco"), """
                {"id":"%s","name":"Purchased in the last 30 days, over 100","conditions":[
                 {"field":"activity.lastPurchaseAt","op":"within_days","value":30},
                 {"field":"activity.lastPurchaseAmount","op":"gt","value":100}]}""".formatted(segment));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long before = count(segment);

        String small = purchase(40);
        String big = purchase(150);

        events.await("omni.profile.segment-membership-changed.v1", big);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(segment) == before + 1);
        String members = Http.get(url("/api/segments/" + segment + "/members"), Tokens.user("marco")).body();
        assertThat(members).contains(big).doesNotContain(small);
        List<String> lines = members.lines().toList();
        assertThat(lines.getLast()).as("an end line counts the members, so a cut stream is told from a smaller segment")
                .isEqualTo("{\"end\":true,\"members\":" + (lines.size() - 1) + "}");
    }

    @Test
    void aBuildMarksItsEventsOnChangeDocumentsOfItsOwnNotOnTheSegment() {
        String first = purchase(987_654);
        String second = purchase(987_655);
        String segment = "whales-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.post(url("/api/segments"), Tokens.user("marco"), """
                {"id":"%s","name":"Bought for over 987,000","conditions":[
                 {"field":"activity.lastPurchaseAmount","op":"gt","value":987000}]}""".formatted(segment));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        events.await("omni.profile.segment-membership-changed.v1", first);
        events.await("omni.profile.segment-membership-changed.v1", second);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(segment) == 2);
        List<Document> changes = mongo.find(query(where("segmentId").is(segment)), Document.class,
                "segment_changes");
        assertThat(changes.stream().mapToLong(c -> c.get("joined", Number.class).longValue()).sum()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.find(query(where("segmentId")
                .is(segment)), Document.class, "segment_changes")).allSatisfy(c -> assertThat(
                c.getList("_outbox", String.class, List.of())).as("marks cleared once published").isEmpty()));
        assertThat(mongo.findById(segment, Document.class, "segments").getList("_outbox", String.class, List.of()))
                .isEmpty();
    }

    @Test
    void anInvalidDefinitionNamesEachBadCondition() {
        Http.Response response = Http.post(url("/api/segments"), Tokens.user("marco"), """
                {"id":"broken","name":"Broken","conditions":[{"field":"shoeSize","op":"gt","value":40},
                 {"field":"activity.purchases","op":"within_days","value":3}]}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("conditions[0].field", "conditions[1].op");
        assertThat(Http.get(url("/api/segments/broken"), Tokens.user("marco")).status()).isEqualTo(404);
    }

    @Test
    void agentsCannotDefineSegments() {
        assertThat(Http.post(url("/api/segments"), Tokens.user("ana"), """
                {"id":"x","name":"X","conditions":[{"field":"language","op":"eq","value":"es"}]}""").status())
                .isEqualTo(403);
    }

    private String purchase(int amount) {
        Http.Response response = Http.post(url("/api/activities"), Tokens.user("ana"), """
                {"id":"%s","type":"purchase","occurredAt":"%s","orderId":"o","amount":%d,"currency":"EUR",
                 "customer":{"identifiers":[{"type":"email","value":"s.%s@example.com"}]}}"""
                .formatted(UUID.randomUUID(), Instant.now().minusSeconds(60), amount, UUID.randomUUID()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("results").get(0).get("profileId").asString();
    }

    private long count(String segment) {
        return Http.get(url("/api/segments/" + segment), Tokens.user("marco")).json().get("memberCount").asLong();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
