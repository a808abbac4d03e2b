package com.omnicanal.profile;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Activities from a partner with client credentials: resolved, idempotent, published, summarised. */
@OmniServiceTest
class ActivityIT {

    private static final TestBroker broker = new TestBroker();
    private static EventTap events;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void tapEvents() {
        events = broker.tap("omni.profile", "omni.profile.activity-recorded.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void aPartnersBatchOfPurchasesIsRecordedOncePublishedAndMovesTheLifecycle() {
        String email = "buyer." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String batch = """
                {"activities":[%s,%s]}""".formatted(purchase("o-1", email, "2026-11-01T10:00:00Z"),
                purchase("o-2", email, "2026-11-20T10:00:00Z"));

        Http.Response first = Http.post(url("/api/activities"), Tokens.partnerDemo(), batch);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("recorded").asInt()).isEqualTo(2);
        String profileId = first.json().get("results").get(0).get("profileId").asString();
        assertThat(first.json().get("results").get(1).get("profileId").asString()).isEqualTo(profileId);

        Http.Response again = Http.post(url("/api/activities"), Tokens.partnerDemo(), batch);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);

        String event = EventTap.body(events.await("omni.profile.activity-recorded.v1", profileId));
        assertThat(event).contains("\"type\":\"purchase\"").contains("\"currency\":\"EUR\"");
        JsonNode profile = Http.get(url("/api/profiles/" + profileId), Tokens.user("ana")).json();
        assertThat(profile.get("activity").get("purchases").asInt()).isEqualTo(2);
        assertThat(profile.get("lifecycleStage").asString()).isIn("growth", "retention");
    }

    @Test
    void concurrentBatchesForTheSameCustomersCountEveryPurchaseExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = IntStream.range(0, 5).mapToObj(i -> "race." + run + "." + i + "@example.com").toList();
        String first = emails.stream().map(e -> purchase("first-" + run, e, "2026-11-01T10:00:00Z"))
                .collect(Collectors.joining(",", "{\"activities\":[", "]}"));
        assertThat(Http.post(url("/api/activities"), Tokens.partnerDemo(), first).status()).isEqualTo(200);
        int senders = 4;
        int batches = 6;
        int perBatch = 50;
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                int sender = t;
                sent.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        int batch = b;
                        String body = IntStream.range(0, perBatch).mapToObj(i -> purchase(
                                        "o-%s-%d-%d-%d".formatted(run, sender, batch, i), emails.get(i % emails.size()),
                                        "2026-11-10T10:00:00Z"))
                                .collect(Collectors.joining(",", "{\"activities\":[", "]}"));
                        Http.Response response = Http.post(url("/api/activities"), Tokens.partnerDemo(), body);
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                    }
                    return batches;
                }));
            }
            for (Future<Integer> done : sent) {
                done.get(2, TimeUnit.MINUTES);
            }
        }
        int each = 1 + senders * batches * perBatch / emails.size();
        for (String email : emails) {
            JsonNode found = Http.post(url("/api/profiles/identify"), Tokens.user("ana"),
                    "{\"identifiers\":[{\"type\":\"email\",\"value\":\"%s\"}]}".formatted(email)).json();
            JsonNode profile = Http.get(url("/api/profiles/" + found.get("profileId").asString()), Tokens.user("ana")).json();
            assertThat(profile.get("activity").get("purchases").asInt()).as(email).isEqualTo(each);
        }
    }

    @Test
    void theSameBatchSentConcurrentlyIsRecordedPublishedAndCountedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = IntStream.range(0, 3).mapToObj(i -> "twice." + run + "." + i + "@example.com").toList();
        // customers repeat within the batch: each profile gets several activities of one batch
        String body = IntStream.range(0, 30).mapToObj(i -> purchase("dup-%s-%d".formatted(run, i),
                emails.get(i % emails.size()), "2026-11-10T10:00:00Z")).collect(Collectors.joining(",",
                "{\"activities\":[", "]}"));
        int copies = 4;
        List<JsonNode> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(copies)) {
            List<Future<Http.Response>> sent = IntStream.range(0, copies)
                    .mapToObj(c -> pool.submit(() -> Http.post(url("/api/activities"), Tokens.partnerDemo(), body))).toList();
            for (Future<Http.Response> response : sent) {
                Http.Response done = response.get(2, TimeUnit.MINUTES);
                assertThat(done.status()).as(done.body()).isEqualTo(200);
                answers.add(done.json());
            }
        }
        assertThat(answers.stream().mapToInt(a -> a.get("recorded").asInt()).sum()).isEqualTo(30);
        assertThat(answers.stream().mapToInt(a -> a.get("duplicates").asInt()).sum()).isEqualTo(30 * (copies - 1));
        Http.Response resent = Http.post(url("/api/activities"), Tokens.partnerDemo(), body);
        assertThat(resent.json().get("duplicates").asInt()).isEqualTo(30);
        for (String email : emails) {
            JsonNode found = Http.post(url("/api/profiles/identify"), Tokens.user("ana"),
                    "{\"identifiers\":[{\"type\":\"email\",\"value\":\"%s\"}]}".formatted(email)).json();
            JsonNode profile = Http.get(url("/api/profiles/" + found.get("profileId").asString()), Tokens.user("ana")).json();
            assertThat(profile.get("activity").get("purchases").asInt()).as(email).isEqualTo(10);
        }
        Set<String> published = new HashSet<>();
        List<String> twice = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var message = events.poll(Duration.ofMillis(200));
            if (message != null && EventTap.body(message).contains("dup-" + run + "-")) {
                String id = EventTap.body(message).replaceAll(".*\"activityId\":\"([^\"]+)\".*", "$1");
                if (!published.add(id)) {
                    twice.add(id);
                }
            }
            return published.size() == 30;
        });
        assertThat(twice).isEmpty();
    }

    @Test
    void anInvalidBatchNamesEveryProblemAndWritesNothing() {
        long before = mongo.getCollection("activities").countDocuments();
        String batch = """
                {"activities":[%s,
                 {"id":"%s","type":"purchase","occurredAt":"2026-11-01T10:00:00Z","orderId":"o",
                  "customer":{"identifiers":[{"type":"email","value":"a@example.com"}]}},
                 {"id":"%s","type":"custom:unknown_kind","occurredAt":"2026-11-01T10:00:00Z",
                  "customer":{"identifiers":[{"type":"phone","value":"12"}]}}]}""".formatted(
                purchase("ok", "fine@example.com", "2026-11-01T10:00:00Z"), UUID.randomUUID(), UUID.randomUUID());

        Http.Response response = Http.post(url("/api/activities"), Tokens.partnerDemo(), batch);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("activities[1].amount",
                "activities[1].currency", "activities[2].type", "activities[2].customer.identifiers[0].value");
        assertThat(mongo.getCollection("activities").countDocuments()).isEqualTo(before);
    }

    @Test
    void anOversizedBatchIsRefused() {
        String many = IntStream.range(0, 1001).mapToObj(i -> purchase("bulk-" + i, "bulk@example.com",
                "2026-11-01T10:00:00Z")).collect(Collectors.joining(","));
        Http.Response response = Http.post(url("/api/activities"), Tokens.partnerDemo(), "{\"activities\":[" + many + "]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("activities");
    }

    @Test
    void customTypesAreValidatedAgainstTheirRegisteredSchema() {
        String name = "loyalty_" + UUID.randomUUID().toString().substring(0, 6).replace('-', '_');
        Http.Response registered = Http.post(url("/api/activities/types"), Tokens.user("marco"), """
                {"name":"%s","schema":{"type":"object","required":["points"],
                 "properties":{"points":{"type":"integer","minimum":1}}}}""".formatted(name));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Http.Response invalid = Http.post(url("/api/activities"), Tokens.user("ana"), custom(name, "{\"points\":0}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("activity.attributes");

        Http.Response valid = Http.post(url("/api/activities"), Tokens.user("ana"), custom(name, "{\"points\":40}"));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("recorded").asInt()).isEqualTo(1);
    }

    @Test
    void customersMayNotRecordActivitiesAndPartnersMayNotAddressProfilesById() {
        assertThat(Http.post(url("/api/activities"), Tokens.user("carla"), purchase("x", "x@example.com",
                "2026-11-01T10:00:00Z")).status()).isEqualTo(403);
        Http.Response byId = Http.post(url("/api/activities"), Tokens.partnerDemo(), """
                {"id":"p1","type":"store_visit","occurredAt":"2026-11-01T10:00:00Z","customer":{"profileId":"abc"}}""");
        assertThat(byId.status()).isEqualTo(400);
        assertThat(byId.json().get("errors").get(0).get("field").asString()).isEqualTo("activity.customer.profileId");
    }

    private static String purchase(String order, String email, String at) {
        return """
                {"id":"%s-%s","type":"purchase","occurredAt":"%s","channel":"store","storeId":"madrid-01",
                 "orderId":"%s","amount":129.90,"currency":"EUR","items":[{"sku":"TV-55","quantity":1,"price":129.90}],
                 "customer":{"identifiers":[{"type":"email","value":"%s"},{"type":"external:partner-demo","value":"c-%s"}]}}"""
                .formatted(order, email.hashCode(), at, order, email, Math.abs(email.hashCode()));
    }

    private static String custom(String name, String attributes) {
        return """
                {"id":"%s","type":"custom:%s","occurredAt":"%s","attributes":%s,
                 "customer":{"identifiers":[{"type":"email","value":"loyal@example.com"}]}}"""
                .formatted(UUID.randomUUID(), name, Instant.now().minusSeconds(60), attributes);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
