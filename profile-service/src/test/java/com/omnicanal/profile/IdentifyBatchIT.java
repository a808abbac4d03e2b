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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk identify batch against the single identify: the same requests, with fresh identifiers, sent once as a batch
 * and once one by one must answer alike and leave the same profiles (known, new, a request depending on a new customer
 * earlier in the batch, traits to fill, a verified merge, a blocked value), and a resent batch too.
 */
@OmniServiceTest
class IdentifyBatchIT {

    private static final TestBroker broker = new TestBroker();
    private static EventTap created;

    @LocalServerPort
    int port;

    @BeforeAll
    static void tapEvents() {
        created = broker.tap("omni.profile", "omni.profile.created.v1");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    /** The identifiers of one run of the scenario, fresh each time. */
    private record People(String known, String knownEmail, String p1, String e1, String e2, String p3) {

        static People fresh() {
            return new People(IdentityIT.uniquePhone(), email(), IdentityIT.uniquePhone(), email(), email(),
                    IdentityIT.uniquePhone());
        }

        private static String email() {
            return "b." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        }

        List<String> identifiers() {
            return List.of("phone:" + known, "email:" + knownEmail, "whatsapp:" + p1, "phone:" + p1, "email:" + e1,
                    "email:" + e2, "phone:" + p3);
        }

        List<String> requests() {
            return List.of(
                    """
                    {"identifiers":[{"type":"whatsapp","value":"%1$s","verified":true},{"type":"phone","value":"%1$s","verified":true}],
                     "traits":{"name":"Nuevo"},"source":"whatsapp"}""".formatted(p1),
                    "{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}],\"source\":\"sms\"}".formatted(known),
                    "{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}],\"traits\":{\"name\":\"Kilian\"}}".formatted(known),
                    """
                    {"identifiers":[{"type":"phone","value":"%s","verified":true},{"type":"email","value":"%s"}],
                     "source":"web"}""".formatted(p1, e1),
                    """
                    {"identifiers":[{"type":"whatsapp","value":"%1$s","verified":true},{"type":"phone","value":"%1$s","verified":true}],
                     "traits":{"name":"Otro"},"source":"whatsapp"}""".formatted(p1),
                    "{\"identifiers\":[{\"type\":\"email\",\"value\":\"%s\",\"verified\":true}]}".formatted(e2),
                    """
                    {"identifiers":[{"type":"email","value":"%s","verified":true},{"type":"email","value":"%s","verified":true}],
                     "source":"web"}""".formatted(e2, knownEmail),
                    """
                    {"identifiers":[{"type":"phone","value":"+34600000000"},{"type":"phone","value":"%s"}],
                     "source":"sms"}""".formatted(p3));
        }
    }

    @Test
    void aBatchAnswersAndWritesAsTheSameRequestsOneByOne() {
        People batched = People.fresh();
        People single = People.fresh();
        List<String> batchSetup = setUp(batched);
        List<String> singleSetup = setUp(single);

        List<JsonNode> batchResults = batch(batched.requests());
        List<JsonNode> singleResults = single.requests().stream().map(this::identify).toList();

        Map<String, String> batchLabels = labels(batchSetup);
        Map<String, String> singleLabels = labels(singleSetup);
        assertThat(shapes(batchResults, batchLabels)).isEqualTo(shapes(singleResults, singleLabels));
        assertThat(finalState(batched, batchLabels)).isEqualTo(finalState(single, singleLabels));
        assertThat(batchResults.get(3).get("profileId").asString()).as("depends on the new customer of request 0")
                .isEqualTo(batchResults.get(0).get("profileId").asString());
        assertThat(batchResults.get(6).get("merges")).as("a verified merge inside the batch").hasSize(1);
        for (int i : List.of(0, 5, 7)) {
            String id = batchResults.get(i).get("profileId").asString();
            assertThat(batchResults.get(i).get("created").asBoolean()).isTrue();
            assertThat(EventTap.body(created.await("omni.profile.created.v1", id))).contains(id);
        }

        List<JsonNode> batchAgain = batch(batched.requests());
        List<JsonNode> singleAgain = single.requests().stream().map(this::identify).toList();
        assertThat(shapes(batchAgain, batchLabels)).as("resent").isEqualTo(shapes(singleAgain, singleLabels));
        assertThat(batchAgain).allSatisfy(r -> assertThat(r.get("created").asBoolean()).isFalse());
    }

    @Test
    void newAndKnownCustomersOfAPlainBatchResolveOnce() {
        String known = IdentityIT.uniquePhone();
        String knownId = identify("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}],\"traits\":{\"name\":\"Ana\"}}"
                .formatted(known)).get("profileId").asString();
        List<String> fresh = List.of(IdentityIT.uniquePhone(), IdentityIT.uniquePhone());
        List<String> requests = new ArrayList<>();
        fresh.forEach(p -> requests.add("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}],\"traits\":{\"name\":\"N\"}}"
                .formatted(p)));
        requests.add("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}],\"traits\":{\"name\":\"Ana\"}}".formatted(known));

        List<JsonNode> results = batch(requests);

        assertThat(results.get(2).get("profileId").asString()).isEqualTo(knownId);
        assertThat(results.get(2).get("created").asBoolean()).isFalse();
        for (int i = 0; i < 2; i++) {
            String id = results.get(i).get("profileId").asString();
            assertThat(results.get(i).get("created").asBoolean()).isTrue();
            assertThat(owner("phone:" + fresh.get(i))).isEqualTo(id);
            assertThat(profile(id).get("name").asString()).isEqualTo("N");
        }
        assertThat(results.get(0).get("profileId").asString()).isNotEqualTo(results.get(1).get("profileId").asString());
    }

    @org.junit.jupiter.api.RepeatedTest(3)
    void batchesNamingTheSameNewCustomerAtOnceAllAnswerItsOneProfile() throws Exception {
        String phone = IdentityIT.uniquePhone();
        String request = "{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\",\"verified\":true}]}".formatted(phone);
        List<java.util.concurrent.Future<List<JsonNode>>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) { // most lose every claim to the first: a batch that creates no one
                answers.add(pool.submit(() -> batch(List.of(request))));
            }
        }
        String owner = owner("phone:" + phone);
        int created = 0;
        for (var answer : answers) {
            JsonNode result = answer.get().getFirst();
            assertThat(result.get("profileId").asString()).isEqualTo(owner);
            created += result.get("created").asBoolean() ? 1 : 0;
        }
        assertThat(created).as("created once").isEqualTo(1);
    }

    /** Two profiles that exist before the batch: a phone without a name, a verified email. */
    private List<String> setUp(People people) {
        return List.of(identify("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"%s\"}]}".formatted(people.known()))
                        .get("profileId").asString(),
                identify("{\"identifiers\":[{\"type\":\"email\",\"value\":\"%s\",\"verified\":true}]}"
                        .formatted(people.knownEmail())).get("profileId").asString());
    }

    private static Map<String, String> labels(List<String> setup) {
        Map<String, String> labels = new LinkedHashMap<>();
        setup.forEach(id -> labels.put(id, "P" + labels.size()));
        return labels;
    }

    private static String label(Map<String, String> labels, String id) {
        return labels.computeIfAbsent(id, k -> "P" + labels.size());
    }

    /** Each answer with its profile named by order of appearance (ids differ between the two runs). */
    private static List<String> shapes(List<JsonNode> results, Map<String, String> labels) {
        return results.stream().map(r -> label(labels, r.get("profileId").asString()) + " created=" + r.get("created")
                + " merges=" + r.get("merges").size() + " ignored=" + r.get("ignored")
                + " conflicts=" + r.get("conflictingProfiles").size()).toList();
    }

    /** Who holds each identifier and what each profile became. */
    private List<String> finalState(People people, Map<String, String> labels) {
        List<String> state = new ArrayList<>();
        for (String identifier : people.identifiers()) {
            String owner = owner(identifier);
            JsonNode profile = profile(owner);
            List<String> types = new ArrayList<>();
            profile.get("identifiers").forEach(i -> types.add(i.get("type").asString() + "/" + i.get("verified")));
            types.sort(null);
            state.add(label(labels, owner) + " " + profile.get("status").asString() + " "
                    + profile.get("name") + " " + types);
        }
        return state;
    }

    private List<JsonNode> batch(List<String> requests) {
        Http.Response response = Http.post(url("/identify/batch"), Tokens.services(),
                "{\"requests\":[" + String.join(",", requests) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> results = new ArrayList<>();
        response.json().get("results").forEach(results::add);
        assertThat(results).hasSize(requests.size());
        return results;
    }

    private JsonNode identify(String body) {
        Http.Response response = Http.post(url("/identify"), Tokens.services(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode profile(String id) {
        return Http.get(url("/" + id), Tokens.user("ana")).json();
    }

    private String owner(String identifier) {
        return Http.get(url("?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8)), Tokens.user("ana"))
                .json().get("profileId").asString();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/profiles" + path;
    }
}
