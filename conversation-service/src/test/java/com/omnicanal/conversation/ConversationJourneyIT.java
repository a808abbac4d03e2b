package com.omnicanal.conversation;

import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox as a new user meets it, with every channel in sandbox mode (the sandbox plays the customer by sending our
 * webhooks exactly the signed requests the providers send) and the real profile-service behind identify/reachability.
 */
@OmniServiceTest
class ConversationJourneyIT {

    private static final String SECRET = "journey-" + UUID.randomUUID();
    private static final TestBroker broker = new TestBroker();
    private static EventTap events;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        for (String property : new String[]{"whatsapp.app-secret", "whatsapp.verify-token", "sms.auth-token",
                "telegram.secret-token", "messenger.app-secret", "instagram.app-secret", "email.webhook-signing-key",
                "webchat.session-secret"}) {
            registry.add("omni.channels." + property, () -> SECRET + property);
        }
        registry.add("omni.services.profile-url", PlatformServices::profiles);
    }

    @BeforeAll
    static void tapEvents() {
        events = broker.tap("omni.conversation", "omni.conversation.message-status-changed.v1",
                "omni.conversation.complaint-opened.v1", "omni.conversation.complaint-resolved.v1",
                "omni.conversation.conversation-assigned.v1", "omni.conversation.conversation-resolved.v1",
                "omni.conversation.conversation-opened.v1");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aCustomerOnWhatsAppThenWebChatThenEmailIsOneThreadWithThreeChannels() {
        String phone = newPhone();
        String profileId = identify("""
                {"identifiers":[{"type":"phone","value":"%s","verified":true},
                 {"type":"email","value":"carla@omnicanal.local","verified":true}],"source":"store"}""".formatted(phone));
        assertThat(customerWrites("whatsapp", phone, "Hola, ¿dónde está mi pedido?").get("webhookStatus").asInt()).isEqualTo(200);
        JsonNode conversation = conversationOf(profileId, Tokens.user("ana"));

        Http.Response reply = Http.post(url("/api/conversations/" + conversation.get("id").asString() + "/messages"),
                Tokens.user("ana"), "{\"text\":\"Sale hoy del almacén, Carla\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("channel").asString()).isEqualTo("whatsapp");
        assertThat(reply.json().get("decisions").toString()).contains("inside the 24-hour window", "[sandbox");

        Http.Response chat = Http.post(url("/api/channels/webchat/messages"), Tokens.user("carla"),
                "{\"text\":\"Sigo por aquí, gracias\"}");
        assertThat(chat.status()).as(chat.body()).isEqualTo(202);
        assertThat(chat.json().get("conversationId").asString()).isEqualTo(conversation.get("id").asString());

        JsonNode mail = customerWrites("email", "carla@omnicanal.local", "Y os escribo también por correo");
        assertThat(mail.get("webhookStatus").asInt()).isEqualTo(200);

        JsonNode thread = conversationOf(profileId, Tokens.user("ana"));
        assertThat(thread.get("id").asString()).isEqualTo(conversation.get("id").asString());
        assertThat(thread.get("channels").valueStream().map(JsonNode::asString)).contains("whatsapp", "webchat", "email");
        assertThat(thread.get("messages").valueStream().map(m -> m.get("channel").asString() + "/" + m.get("direction").asString()))
                .containsExactly("whatsapp/inbound", "whatsapp/outbound", "webchat/inbound", "email/inbound");
        assertThat(Http.get(url("/api/channels/webchat/messages"), Tokens.user("carla")).json().valueStream()
                .map(m -> m.get("text").asString())).contains("Sale hoy del almacén, Carla", "Sigo por aquí, gracias");
    }

    @Test
    void deliveryStatusesOnlyMoveForwardAndEveryChangeIsPublished() {
        String phone = newPhone();
        customerWrites("whatsapp", phone, "¿Me confirmáis la entrega?");
        String profileId = profileOf("whatsapp:%2B" + phone);
        JsonNode conversation = conversationOf(profileId, Tokens.user("ana"));
        String messageId = Http.post(url("/api/conversations/" + conversation.get("id").asString() + "/messages"),
                Tokens.user("ana"), "{\"text\":\"Confirmada para mañana\"}").json().get("messageId").asString();
        JsonNode kept = Http.get(url("/api/channels/sandbox/outbox?channel=whatsapp&to=%2B" + phone), Tokens.user("ana"))
                .json().get(0);
        assertThat(kept.get("text").asString()).isEqualTo("Confirmada para mañana");

        String provider = kept.get("providerMessageId").asString();
        assertThat(status(provider, "read").get("webhookStatus").asInt()).isEqualTo(200);
        assertThat(status(provider, "delivered").get("webhookStatus").asInt()).as("a late callback is accepted").isEqualTo(200);

        JsonNode message = find(conversationOf(profileId, Tokens.user("ana")), messageId);
        assertThat(message.get("status").asString()).as("read is not undone by a late delivered").isEqualTo("read");
        assertThat(EventTap.body(events.await(m -> EventTap.body(m).contains(messageId) && EventTap.body(m).contains("\"read\""),
                Duration.ofSeconds(20)))).contains("\"status\":\"read\"");
    }

    @Test
    void messengerWatermarksMarkWhatWasSentToThatCustomerUpToThemDeliveredThenRead() {
        String psid = "psid-" + UUID.randomUUID();
        customerWrites("messenger", psid, "Hola por Messenger");
        String profileId = profileOf("messenger:" + psid);
        String conversationId = conversationOf(profileId, Tokens.user("ana")).get("id").asString();
        String first = messengerReply(conversationId, "Primera respuesta");
        String second = messengerReply(conversationId, "Segunda respuesta");
        long firstAt = Instant.parse(find(conversationOf(profileId, Tokens.user("ana")), first).get("at").asString())
                .toEpochMilli();
        long secondAt = Instant.parse(find(conversationOf(profileId, Tokens.user("ana")), second).get("at").asString())
                .toEpochMilli();
        assertThat(secondAt).isGreaterThan(firstAt);

        assertThat(messengerWatermark(psid, "delivery", secondAt).status()).isEqualTo(200);
        assertThat(List.of(statusOf(profileId, first), statusOf(profileId, second))).containsExactly("delivered", "delivered");
        assertThat(messengerWatermark("psid-someone-else", "read", secondAt).status()).isEqualTo(200);
        assertThat(messengerWatermark(psid, "read", firstAt).status()).isEqualTo(200);
        assertThat(List.of(statusOf(profileId, first), statusOf(profileId, second))).as("read up to the first only")
                .containsExactly("read", "delivered");
        assertThat(EventTap.body(events.await(m -> EventTap.body(m).contains(first) && EventTap.body(m).contains("\"read\""),
                Duration.ofSeconds(20)))).contains("\"channel\":\"messenger\"");

        assertThat(messengerWatermark(psid, "read", secondAt + 1).status()).isEqualTo(200);
        assertThat(statusOf(profileId, second)).isEqualTo("read");
        assertThat(messengerWatermark(psid, "delivery", secondAt).status()).as("read is not undone").isEqualTo(200);
        assertThat(List.of(statusOf(profileId, first), statusOf(profileId, second))).containsExactly("read", "read");

        assertThat(mongo.findById("messenger:" + psid, Document.class, "watermark_pending")).isNotNull();
        assertThat(Http.post(PlatformServices.profiles() + "/api/privacy/" + profileId + "/erasure", Tokens.user("sofia"), "")
                .status()).isLessThan(300);
        await("the customer's address goes with the erasure").atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById("messenger:" + psid, Document.class, "watermark_pending") == null);
    }

    @Test
    void aComplaintHoldsPromotionsUntilItIsResolved() {
        String phone = newPhone();
        customerWrites("whatsapp", phone, "Quiero poner una reclamación, el producto llegó roto");
        String profileId = profileOf("whatsapp:%2B" + phone);
        EventTap.body(events.await("omni.conversation.complaint-opened.v1", profileId));
        JsonNode conversation = conversationOf(profileId, Tokens.user("sofia"));
        assertThat(conversation.get("priority").asInt()).as("complaints first").isZero();

        Http.Response promo = dispatch(profileId, "marketing");
        assertThat(promo.json().get("status").asString()).isEqualTo("refused");
        assertThat(promo.json().get("decisions").toString()).contains("open complaint");

        String complaintId = conversation.get("complaintId").asString();
        assertThat(Http.post(url("/api/conversations/complaints/" + complaintId + "/resolve"), Tokens.user("sofia"),
                "{\"resolution\":\"Replacement sent\"}").json().get("status").asString()).isEqualTo("resolved");
        assertThat(dispatch(profileId, "marketing").json().get("decisions").toString()).doesNotContain("open complaint");
    }

    @Test
    void routingGivesConversationsToTheLeastLoadedOnlineAgentAndResolvingFreesCapacity() {
        String team = "routing-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/conversations/teams/" + team, "{\"name\":\"Social\",\"channels\":[\"instagram\"]}").status())
                .isEqualTo(200);
        String first = "agent-a-" + team;
        String second = "agent-b-" + team;
        for (String agent : new String[]{first, second}) {
            assertThat(put("/api/conversations/agents/" + agent, """
                    {"name":"%s","teams":["%s"],"channels":["instagram"],"capacity":{"instagram":1}}"""
                    .formatted(agent, team)).status()).isEqualTo(200);
            assertThat(put("/api/conversations/agents/" + agent + "/presence", "{\"presence\":\"online\"}").status())
                    .isEqualTo(200);
        }
        String[] customers = {"ig-" + UUID.randomUUID(), "ig-" + UUID.randomUUID(), "ig-" + UUID.randomUUID()};
        String[] conversations = new String[3];
        for (int i = 0; i < 3; i++) {
            customerWrites("instagram", customers[i], "Hola, una duda sobre mi pedido " + i);
            String profileId = profileOf("instagram:" + customers[i]);
            conversations[i] = conversationOf(profileId, Tokens.user("sofia")).get("id").asString();
            if (i < 2) {
                awaitConversation(conversations[i], c -> !c.path("assignee").isNull() && !c.path("assignee").isMissingNode());
            }
        }
        assertThat(assignee(conversations[0])).isNotEqualTo(assignee(conversations[1]));
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/conversations/queue"), Tokens.user("sofia"))
                .body().contains(conversations[2]));
        assertThat(Http.get(url("/api/conversations/" + conversations[0]), Tokens.user("ana")).status())
                .as("ana is not in the team").isEqualTo(404);

        String freed = assignee(conversations[0]);
        assertThat(Http.post(url("/api/conversations/" + conversations[0] + "/status"), Tokens.user("sofia"),
                "{\"status\":\"resolved\"}").status()).isEqualTo(200);
        awaitConversation(conversations[2], c -> freed.equals(c.path("assignee").asString(null)));
    }

    @Test
    void webChatVisitorsNeedASignedSessionAndReceiveAgentRepliesLive() throws Exception {
        Http.Response anonymous = Http.post(url("/api/channels/webchat/messages"), null, "{\"text\":\"hola\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(Http.send("POST", url("/api/channels/webchat/messages"), null, Map.of("Content-Type", "application/json",
                "X-Webchat-Session", UUID.randomUUID() + ".-.forged"), "{\"text\":\"hola\"}").status()).isEqualTo(401);

        String session = Http.post(url("/api/channels/webchat/sessions"), null, "{\"storeId\":\"madrid-centro\"}")
                .json().get("sessionToken").asString();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Webchat-Session", session);
        JsonNode sent = Http.send("POST", url("/api/channels/webchat/messages"), null, headers,
                "{\"text\":\"¿Tenéis esta talla en tienda?\",\"clientMessageId\":\"c1\"}").json();
        CompletableFuture<String> live = firstMessageEvent(session);

        Http.Response reply = Http.post(url("/api/conversations/" + sent.get("conversationId").asString() + "/messages"),
                Tokens.user("ana"), "{\"text\":\"Sí, la talla M\",\"channel\":\"webchat\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(live.get(20, TimeUnit.SECONDS)).contains("Sí, la talla M");
        JsonNode conversation = Http.get(url("/api/conversations/" + sent.get("conversationId").asString()),
                Tokens.user("sofia")).json();
        assertThat(conversation.get("storeId").asString()).isEqualTo("madrid-centro");
        assertThat(Http.send("GET", url("/api/channels/webchat/messages"), null, headers, null).json()).hasSize(2);
    }

    @Test
    void callsAndStoreVisitsJoinTheThreadOnceAndStoresHaveAQrCode() {
        String phone = "+" + newPhone();
        String call = """
                {"callId":"%s","event":"ended","direction":"inbound","customerNumber":"%s","agent":"ana",
                 "at":"2026-11-20T10:15:00Z","durationSeconds":192,"notes":"Wants to change the delivery address",
                 "recordingUrl":"https://recordings.example.com/1.mp3"}""".formatted(UUID.randomUUID(), phone);
        assertThat(Http.post(url("/api/channels/phone/calls"), Tokens.user("ana"), call).json().get("duplicate").asBoolean())
                .isFalse();
        assertThat(Http.post(url("/api/channels/phone/calls"), Tokens.user("ana"), call).json().get("duplicate").asBoolean())
                .as("the same call event twice is one record").isTrue();
        assertThat(Http.post(url("/api/channels/phone/calls"), Tokens.user("ana"),
                "{\"callId\":\"x\",\"event\":\"ended\",\"direction\":\"sideways\",\"customerNumber\":\"12\",\"at\":null}")
                .json().get("errors").findValuesAsString("field")).contains("direction", "customerNumber", "at");
        assertThat(Http.post(url("/api/channels/phone/calls"), Tokens.user("carla"), call).status()).isEqualTo(403);
        assertThat(Http.post(url("/api/channels/phone/calls"), Tokens.partnerDemo(), call.replace("\"ended\"", "\"started\""))
                .status()).as("a contact centre with calls.write").isEqualTo(200);

        Http.Response visit = Http.post(url("/api/channels/store/visits"), Tokens.user("ana"), """
                {"storeId":"madrid-centro","customer":[{"type":"phone","value":"%s"}],"notes":"Tried on two sizes"}"""
                .formatted(phone));
        assertThat(visit.status()).isEqualTo(201);
        JsonNode thread = conversationOf(profileOf("phone:" + phone.replace("+", "%2B")), Tokens.user("sofia"));
        assertThat(thread.get("messages").findValuesAsString("kind")).containsExactly("call", "call", "visit");
        assertThat(thread.get("messages").get(0).get("text").asString()).contains("3m12s", "delivery address");

        Http.Response png = Http.get(url("/api/channels/store/madrid-centro/qr"), Tokens.user("ana"));
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.body()).startsWith("\uFFFDPNG");
        assertThat(Http.get(url("/api/channels/store/madrid-centro/qr?format=svg"), Tokens.user("ana")).body())
                .contains("<svg", "store=madrid-centro");
    }

    private CompletableFuture<String> firstMessageEvent(String session) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/channels/webchat/stream?session=" + session)))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<String> ready = new CompletableFuture<>();
        CompletableFuture<String> message = CompletableFuture.supplyAsync(() -> {
            try {
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    boolean isMessage = false;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:ready")) {
                            ready.complete("ready");
                        }
                        if (line.startsWith("event:message")) {
                            isMessage = true;
                        } else if (isMessage && line.startsWith("data:")) {
                            return line;
                        }
                    }
                }
                return "";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ready.orTimeout(20, TimeUnit.SECONDS).join(); // the stream is open before the agent replies
        return message;
    }

    private Http.Response put(String path, String json) {
        return Http.send("PUT", url(path), Tokens.user("sofia"), Map.of("Content-Type", "application/json"), json);
    }

    private String assignee(String conversationId) {
        return Http.get(url("/api/conversations/" + conversationId), Tokens.user("sofia")).json().path("assignee").asString(null);
    }

    private void awaitConversation(String id, Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> condition.test(Http.get(url("/api/conversations/" + id), Tokens.user("sofia")).json()));
    }

    private Http.Response dispatch(String profileId, String purpose) {
        return Http.post(url("/api/messages/dispatch"), Tokens.services(), """
                {"requestId":"%s","profileId":"%s","purpose":"%s","text":"Oferta"}""".formatted(UUID.randomUUID(),
                profileId, purpose));
    }

    private JsonNode customerWrites(String channel, String from, String text) {
        Http.Response answer = Http.post(url("/api/channels/sandbox/" + channel + "/inbound"), Tokens.user("ana"),
                "{\"from\":\"%s\",\"name\":\"Carla\",\"text\":\"%s\"}".formatted(from.startsWith("34") ? "+" + from : from, text));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode status(String providerMessageId, String status) {
        return Http.post(url("/api/channels/sandbox/outbox/" + providerMessageId + "/status"), Tokens.user("ana"),
                "{\"status\":\"" + status + "\"}").json();
    }

    private String messengerReply(String conversationId, String text) {
        Http.Response sent = Http.post(url("/api/conversations/" + conversationId + "/messages"), Tokens.user("ana"),
                "{\"text\":\"%s\",\"channel\":\"messenger\"}".formatted(text));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        return sent.json().get("messageId").asString();
    }

    private String statusOf(String profileId, String messageId) {
        return find(conversationOf(profileId, Tokens.user("ana")), messageId).get("status").asString();
    }

    /** Meta's {@code delivery} or {@code read} watermark event from the customer, signed as Meta signs it. */
    private Http.Response messengerWatermark(String psid, String field, long watermark) {
        long now = System.currentTimeMillis();
        String payload = """
                {"object":"page","entry":[{"id":"1067280970047460","time":%d,"messaging":[{"sender":{"id":"%s"},
                "recipient":{"id":"1067280970047460"},"timestamp":%d,"%s":{"watermark":%d}}]}]}"""
                .formatted(now, psid, now, field, watermark);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((SECRET + "messenger.app-secret").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            return Http.send("POST", url("/webhooks/messenger"), null,
                    Map.of("Content-Type", "application/json", "X-Hub-Signature-256", signature), payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode find(JsonNode conversation, String messageId) {
        return conversation.get("messages").valueStream().filter(m -> m.get("id").asString().equals(messageId))
                .findFirst().orElseThrow();
    }

    private JsonNode conversationOf(String profileId, String token) {
        Http.Response response = Http.get(url("/api/conversations?profileId=" + profileId), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String identify(String json) {
        return Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), json).json()
                .get("profileId").asString();
    }

    private static String profileOf(String identifier) {
        return Http.get(PlatformServices.profiles() + "/api/profiles?identifier=" + identifier, Tokens.user("ana")).json()
                .get("profileId").asString();
    }

    private static String newPhone() {
        return "346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
