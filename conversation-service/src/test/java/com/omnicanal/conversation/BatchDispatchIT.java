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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static com.omnicanal.conversation.BatchDispatchCalls.customer;
import static com.omnicanal.conversation.BatchDispatchCalls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

    @Test
    void aBatchJoinsOrOpensEachCustomersConversationAndThreadsTheirMail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String known = customer(email("known"));
        String twice = customer(email("twice"));
        String fresh = customer(email("fresh"));
        JsonNode earlier = Http.post(url("/api/messages/dispatch"), Tokens.services(), new JsonMapper()
                .writeValueAsString(mail(run + "-earlier", known))).json();
        assertThat(earlier.get("status").asString()).isEqualTo("sent");
        assertThat(Http.get(url("/api/messages/dispatch/" + run + "-earlier"), Tokens.services()).json().toString())
                .as("a single dispatch answers what it stored").isEqualTo(earlier.toString());

        JsonNode results = batch(List.of(mail(run + "-known", known), mail(run + "-twice-1", twice),
                mail(run + "-twice-2", twice), mail(run + "-fresh", fresh), mail(run + "-twice-1", twice)),
                Tokens.services());
        for (int i = 0; i < 5; i++) {
            assertThat(status(results, i)).as(results.get(i).toString()).isEqualTo("sent");
            JsonNode stored = Http.get(url("/api/messages/dispatch/" + results.get(i).get("requestId").asString()),
                    Tokens.services()).json();
            assertThat(stored.toString()).as("the answer is what is stored").isEqualTo(results.get(i).toString());
        }
        assertThat(results.get(0).get("conversationId").asString()).as("joins the open conversation")
                .isEqualTo(earlier.get("conversationId").asString());
        assertThat(results.get(2).get("conversationId").asString()).as("one customer, one conversation")
                .isEqualTo(results.get(1).get("conversationId").asString());
        assertThat(results.get(4).get("messageId").asString()).isEqualTo(results.get(1).get("messageId").asString());
        assertThat(mongo.find(query(where("profileId").is(twice)), Document.class, "conversations")).hasSize(1);
        assertThat(mongo.find(query(where("profileId").is(twice)), Document.class, "messages")).hasSize(2);

        Document first = message(earlier.get("messageId").asString());
        Document reply = message(results.get(0).get("messageId").asString());
        assertThat(headers(reply).getString("In-Reply-To")).as("threads under the earlier mail")
                .isEqualTo(headers(first).getString("Message-ID"));
        assertThat(headers(message(results.get(3).get("messageId").asString())).getString("In-Reply-To"))
                .as("a new conversation's first mail answers nothing").isNull();
        for (int i = 0; i < 4; i++) {
            Document sent = message(results.get(i).get("messageId").asString());
            assertThat(sent.getString("status")).isEqualTo("sent");
            assertThat(sent.getString("providerMessageId")).as("the sandbox keeps our Message-ID, as SMTP does")
                    .isEqualTo(headers(sent).getString("Message-ID"));
            assertThat(mongo.findById(sent.getString("conversationId"), Document.class, "thread_index")
                    .getList("ids", String.class)).contains(sent.getString("_id"));
            assertThat(mongo.findById(headers(sent).getString("Message-ID"), Document.class, "email_threads"))
                    .as("our Message-ID names its conversation: no lookup document per mail").isNull();
            assertThat(mongo.findById("email:" + sent.getString("providerMessageId"), Document.class, "provider_ids"))
                    .as("our Message-ID names the message too: no link document per mail").isNull();
        }
    }

    @Test
    void aRequestClaimedBeforeACrashIsNeverSentAgain() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = customer(email("crashed"));
        mongo.insert(new Document("_id", run + "-crashed").append("profileId", customer).append("purpose", "service")
                .append("status", "sending").append("decisions", List.of()).append("at", new java.util.Date()),
                "dispatches"); // what a crash after the claim (or after the send, before the outcome) leaves

        JsonNode results = batch(List.of(mail(run + "-crashed", customer), mail(run + "-after", customer)),
                Tokens.services());

        assertThat(status(results, 0)).as("answered as stored, not sent again").isEqualTo("sending");
        assertThat(status(results, 1)).isEqualTo("sent");
        assertThat(mongo.find(query(where("profileId").is(customer)), Document.class, "messages")).hasSize(1)
                .allSatisfy(m -> assertThat(m.getString("requestId")).isEqualTo(run + "-after"));
    }

    @Test
    void aReplyQuotingAnOlderMailGoesBackToThatMailsConversationNotTheCurrentOne() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = "quoting-" + run + "@example.com";
        String customer = customer("{\"type\":\"email\",\"value\":\"" + address + "\",\"verified\":true}");
        JsonNode first = Http.post(url("/api/messages/dispatch"), Tokens.services(), new JsonMapper()
                .writeValueAsString(mail(run + "-first", customer))).json();
        String older = first.get("conversationId").asString();
        assertThat(Http.post(url("/api/conversations/" + older + "/status"), Tokens.user("sofia"),
                "{\"status\":\"resolved\"}").status()).isEqualTo(200);
        JsonNode second = Http.post(url("/api/messages/dispatch"), Tokens.services(), new JsonMapper()
                .writeValueAsString(mail(run + "-second", customer))).json();
        assertThat(second.get("conversationId").asString()).as("a resolved conversation is not joined by a dispatch")
                .isNotEqualTo(older);

        String quoted = headers(message(first.get("messageId").asString())).getString("Message-ID");
        Http.Response answer = Http.post(url("/api/channels/sandbox/email/inbound"), Tokens.user("ana"),
                "{\"from\":\"%s\",\"name\":\"Cliente\",\"text\":\"Sobre su primer correo\",\"extra\":{\"inReplyTo\":\"%s\"}}"
                        .formatted(address, quoted));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Document reply = await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findOne(query(where("profileId").is(customer).and("direction").is("inbound")),
                        Document.class, "messages"), Objects::nonNull);
        assertThat(reply.getString("conversationId")).as("threaded by the quoted mail's id").isEqualTo(older);
        assertThat(mongo.findById(older, Document.class, "conversations").getString("status")).isEqualTo("open");
    }

    private static String email(String who) {
        return "{\"type\":\"email\",\"value\":\"" + who + "-" + UUID.randomUUID() + "@example.com\",\"verified\":true}";
    }

    private static Map<String, Object> mail(String requestId, String profileId) {
        return Map.of("requestId", requestId, "profileId", profileId, "purpose", "service", "channels", List.of("email"),
                "subject", "Su pedido", "text", "Su pedido ha salido");
    }

    private Document message(String id) {
        return mongo.findById(id, Document.class, "messages");
    }

    private static Document headers(Document message) {
        return message.get("headers", Document.class);
    }

    private static Map<String, Object> request(String requestId, String profileId, String purpose) {
        return Map.of("requestId", requestId, "profileId", profileId, "purpose", purpose, "text", "Novedades de la semana");
    }

    private JsonNode batch(List<Map<String, Object>> requests, String token) {
        return BatchDispatchCalls.batch(port, requests, token);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
