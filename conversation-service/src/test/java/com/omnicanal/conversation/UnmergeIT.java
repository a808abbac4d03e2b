package com.omnicanal.conversation;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Staff merge two customers in the real profile-service, their conversations join, then the merge is undone: each
 * customer's messages go back by the identifiers they came from or went to, and a redelivered event changes nothing.
 */
@OmniServiceTest
class UnmergeIT {

    private static final String SECRET = "unmerge-" + UUID.randomUUID();
    private static final TestBroker broker = new TestBroker();
    private static EventTap profileEvents;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("omni.channels.whatsapp.app-secret", () -> SECRET + "wa");
        registry.add("omni.channels.email.webhook-signing-key", () -> SECRET + "mail");
        registry.add("omni.services.profile-url", PlatformServices::profiles);
    }

    @BeforeAll
    static void tapEvents() {
        profileEvents = broker.tap("omni.profile", "omni.profile.merged.v1", "omni.profile.unmerged.v1");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void anUndoneMergeGivesEachCustomerBackTheirMessagesAndARedeliveryChangesNothing() {
        String phone = "+346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String email = "b-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        customerWrites("whatsapp", phone, "Soy A por WhatsApp");
        customerWrites("email", email, "Soy B por correo");
        String a = profileOf("whatsapp:" + phone.replace("+", "%2B"));
        String b = profileOf("email:" + email);
        String conversationA = await().atMost(Duration.ofSeconds(20)).until(() -> current(a), id -> id != null);
        String conversationB = await().atMost(Duration.ofSeconds(20)).until(() -> current(b), id -> id != null);

        assertThat(Http.post(PlatformServices.profiles() + "/api/profiles/" + a + "/merge", Tokens.user("sofia"),
                "{\"sourceProfileId\":\"" + b + "\"}").status()).isEqualTo(201);
        var merged = profileEvents.await("omni.profile.merged.v1", a); // the tap is read in order: this one first
        await().atMost(Duration.ofSeconds(20)).until(() -> a.equals(conversation(conversationB).get("profileId").asString()));
        customerWrites("email", email, "B otra vez, ya fusionado");
        await().atMost(Duration.ofSeconds(20)).until(() -> texts(conversationA).contains("B otra vez, ya fusionado"));
        Http.Response reply = Http.post(url("/api/conversations/" + conversationA + "/messages"), Tokens.user("sofia"),
                "{\"channel\":\"email\",\"text\":\"Respuesta a B\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(texts(conversationA)).contains("Soy A por WhatsApp", "B otra vez, ya fusionado", "Respuesta a B");

        assertThat(Http.post(PlatformServices.profiles() + "/api/profiles/" + b + "/unmerge", Tokens.user("sofia"), "{}")
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !texts(conversationA).contains("B otra vez, ya fusionado"));

        JsonNode backOnA = conversation(conversationA);
        assertThat(backOnA.get("profileId").asString()).isEqualTo(a);
        assertThat(texts(conversationA)).containsExactly("Soy A por WhatsApp");
        assertThat(backOnA.get("channels").valueStream().map(JsonNode::asString)).containsExactly("whatsapp");
        assertThat(current(a)).isEqualTo(conversationA);
        await().atMost(Duration.ofSeconds(20)).until(() -> b.equals(conversation(conversationB).get("profileId").asString()));
        assertThat(texts(conversationB)).containsExactly("Soy B por correo");
        String splitOff = current(b);
        assertThat(splitOff).isNotIn(conversationA, conversationB);
        assertThat(conversation(splitOff).get("profileId").asString()).isEqualTo(b);
        assertThat(texts(splitOff)).containsExactly("B otra vez, ya fusionado", "Respuesta a B");
        assertThat(mongo.find(query(where("profileId").is(a)), Document.class, "messages"))
                .extracting(m -> m.getString("text")).containsExactly("Soy A por WhatsApp");

        Map<String, String> before = placement(a, b);
        var unmerged = profileEvents.await("omni.profile.unmerged.v1", a);
        String body = EventTap.body(unmerged);
        broker.publish("omni.profile", "omni.profile.unmerged.v1", EventTap.header(unmerged, "ce-id"), a, body);
        String again = UUID.randomUUID().toString();
        broker.publish("omni.profile", "omni.profile.unmerged.v1", again, a, body);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(again, Document.class, "processed_events")
                instanceof Document claim && "DONE".equals(claim.getString("state")));
        assertThat(placement(a, b)).isEqualTo(before);

        crashBeforeTheLastWrites(a, b, conversationA, conversationB, splitOff);
        String redelivered = UUID.randomUUID().toString();
        broker.publish("omni.profile", "omni.profile.unmerged.v1", redelivered, a, body);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(redelivered, Document.class, "processed_events")
                instanceof Document claim && "DONE".equals(claim.getString("state")));
        assertThat(placement(a, b)).as("a redelivery finishes a half-done move").isEqualTo(before);

        String lateMerge = UUID.randomUUID().toString();
        broker.publish("omni.profile", "omni.profile.merged.v1", lateMerge, a, EventTap.body(merged));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(lateMerge, Document.class, "processed_events")
                instanceof Document claim && "DONE".equals(claim.getString("state")));
        assertThat(placement(a, b)).as("a late copy of the undone merge moves nothing").isEqualTo(before);

        customerWrites("email", email, "B después de separar");
        await().atMost(Duration.ofSeconds(20)).until(() -> texts(splitOff).contains("B después de separar"));
        assertThat(texts(conversationA)).containsExactly("Soy A por WhatsApp");
    }

    /** The state a crash leaves before each move's done-marker: the writes before it made, the marker not. */
    private void crashBeforeTheLastWrites(String a, String b, String conversationA, String conversationB, String splitOff) {
        mongo.updateFirst(query(where("_id").is(conversationB)), new Update().set("profileId", a), "conversations");
        Document moved = mongo.findById(splitOff, Document.class, "thread_index");
        mongo.updateFirst(query(where("_id").is(conversationA)), new Update().addToSet("ids")
                .each(moved.getList("ids", String.class).toArray()), "thread_index");
        mongo.remove(query(where("_id").is(b)), "open_conversations");
        assertThat(texts(conversationA)).contains("B otra vez, ya fusionado");
    }

    /** Where every message of both customers is, and whose it is. */
    private Map<String, String> placement(String a, String b) {
        Map<String, String> where = new TreeMap<>();
        mongo.find(query(where("profileId").in(a, b)), Document.class, "messages").forEach(m -> where.put(m.getString("_id"),
                m.getString("profileId") + "/" + m.getString("conversationId")));
        mongo.find(query(where("profileId").in(a, b)), Document.class, "conversations").forEach(c -> where.put(
                c.getString("_id"), c.getString("profileId")));
        List.of(a, b).forEach(p -> where.put("current:" + p, current(p)));
        return where;
    }

    private void customerWrites(String channel, String from, String text) {
        Http.Response answer = Http.post(url("/api/channels/sandbox/" + channel + "/inbound"), Tokens.user("ana"),
                "{\"from\":\"%s\",\"name\":\"Cliente\",\"text\":\"%s\"}".formatted(from, text));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("webhookStatus").asInt()).as(answer.body()).isEqualTo(200);
    }

    private static String profileOf(String identifier) {
        return Http.get(PlatformServices.profiles() + "/api/profiles?identifier=" + identifier, Tokens.user("ana")).json()
                .get("profileId").asString();
    }

    private String current(String profileId) {
        Http.Response current = Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("sofia"));
        return current.status() == 200 ? current.json().get("id").asString() : null;
    }

    private JsonNode conversation(String id) {
        return Http.get(url("/api/conversations/" + id), Tokens.user("sofia")).json();
    }

    private List<String> texts(String conversationId) {
        return conversation(conversationId).get("messages").valueStream().map(m -> m.get("text").asString()).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
