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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * WhatsApp inbound through the real protocol (Meta's handshake, payloads signed as Meta signs them) and outbound
 * dispatch, against the real profile-service (its jar, as a process) for identity and reachability.
 */
@OmniServiceTest
class OmnichannelIT {

    private static final String APP_SECRET = "test-app-secret-" + UUID.randomUUID();
    private static final String VERIFY_TOKEN = "verify-" + UUID.randomUUID();
    private static final String TWILIO_TOKEN = "twilio-" + UUID.randomUUID();
    private static final String TELEGRAM_SECRET = "tg-" + UUID.randomUUID();
    private static final TestBroker broker = new TestBroker();
    private static EventTap events;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("omni.channels.whatsapp.app-secret", () -> APP_SECRET);
        registry.add("omni.channels.whatsapp.verify-token", () -> VERIFY_TOKEN);
        registry.add("omni.channels.sms.auth-token", () -> TWILIO_TOKEN);
        registry.add("omni.channels.telegram.secret-token", () -> TELEGRAM_SECRET);
        registry.add("omni.services.profile-url", OmnichannelIT::profileServiceUrl);
    }

    @BeforeAll
    static void tapEvents() {
        events = broker.tap("omni.conversation", "omni.conversation.message-received.v1",
                "omni.conversation.message-sent.v1");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void metasVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        Http.Response ok = Http.get(url("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                + "&hub.challenge=1158201444"), null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(Http.get(url("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"), null)
                .status()).isEqualTo(403);
    }

    @Test
    void aSignedMessageJoinsTheSendersConversationOnceEvenWhenReplayed() {
        String phone = "346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String messageId = "wamid." + UUID.randomUUID();
        String payload = payload(phone, messageId, "Hola, mi pedido no ha llegado");

        assertThat(post(payload, sign(payload)).status()).isEqualTo(200);
        assertThat(post(payload, sign(payload)).status()).as("a provider replay is accepted").isEqualTo(200);

        String profileId = Http.get(profileServiceUrl() + "/api/profiles?identifier=whatsapp:%2B" + phone,
                Tokens.user("ana")).json().get("profileId").asString();
        JsonNode conversation = Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("ana")).json();
        assertThat(conversation.get("channels").get(0).asString()).isEqualTo("whatsapp");
        assertThat(conversation.get("messages")).hasSize(1);
        assertThat(conversation.get("messages").get(0).get("text").asString()).isEqualTo("Hola, mi pedido no ha llegado");
        assertThat(conversation.get("messages").get(0).get("senderName").asString()).isEqualTo("Lucía");
        assertThat(EventTap.body(events.await("omni.conversation.message-received.v1", profileId))).contains(messageId);
    }

    @org.junit.jupiter.api.RepeatedTest(3) // the lost race it caught was rare: a few rounds
    void copiesOfOneMessageArrivingAtOnceAreStoredOnceWithOneEvent() throws Exception {
        String phone = newPhone();
        String messageId = "wamid." + UUID.randomUUID();
        String payload = payload(phone, messageId, "Hola otra vez");
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            // at once, so copies meet in one batch (the first is kept) or in both committers (the store's key keeps one)
            List<java.util.concurrent.Future<Integer>> answers = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> post(payload, sign(payload)).status())).toList();
            for (var answer : answers) {
                assertThat(answer.get()).as("every copy is accepted").isEqualTo(200);
            }
        }
        String profileId = profileOf("whatsapp:%2B" + phone);
        assertThat(Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("ana")).json()
                .get("messages")).hasSize(1);
        org.bson.Document stored = mongo.findById("whatsapp:" + messageId, org.bson.Document.class, "messages");
        assertThat(stored.getList("_outbox", String.class)).as("one message-received staged for it").hasSize(1);
        assertThat(stored.getString("profileId")).isEqualTo(profileId);
        assertThat(EventTap.body(events.await("omni.conversation.message-received.v1", profileId))).contains(messageId);
    }

    @Test
    void newCustomersWritingAtOnceGetOneConversationEachWithAllTheirMessagesAndItsOpening() throws Exception {
        List<String> phones = java.util.stream.IntStream.range(0, 30).mapToObj(i -> newPhone()).toList();
        List<String> payloads = new java.util.ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String text = "Hola " + round;
            phones.forEach(phone -> payloads.add(payload(phone, "wamid." + UUID.randomUUID(), text)));
        }
        try (EventTap opened = broker.tap("omni.conversation", "omni.conversation.conversation-opened.v1");
             var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            // all at once, so their messages meet in the same inbound batches (and in both committers)
            List<java.util.concurrent.Future<Integer>> answers = payloads.stream()
                    .map(p -> pool.submit(() -> post(p, sign(p)).status())).toList();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
            List<String> profileIds = phones.stream().map(phone -> profileOf("whatsapp:%2B" + phone)).toList();
            for (String profileId : profileIds) {
                assertThat(mongo.find(query(where("profileId").is(profileId)), org.bson.Document.class,
                        "conversations")).as("conversations of " + profileId).hasSize(1);
                assertThat(Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("ana")).json()
                        .get("messages")).hasSize(4);
            }
            java.util.Set<String> openedFor = new java.util.HashSet<>();
            opened.await(m -> openedFor.add(EventTap.header(m, "ce-subject")) && openedFor.containsAll(profileIds),
                    Duration.ofSeconds(30));
            // their runs of message-received queue every new conversation for an agent (or hand it to one)
            List<String> conversationIds = profileIds.stream().map(id -> mongo.findOne(query(where("profileId").is(id)),
                    org.bson.Document.class, "conversations").getString("_id")).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> conversationIds.stream().allMatch(id ->
                    mongo.exists(query(where("_id").is(id)), "routing_queue")
                            || mongo.exists(query(where("_id").is(id)), "routing_assignments")));
        }
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndNothingIsStored() {
        long before = mongo.getCollection("messages").countDocuments();
        String payload = payload("34611111111", "wamid.forged-" + UUID.randomUUID(), "forged");

        Http.Response forged = post(payload, "sha256=" + "0".repeat(64));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.isProblem()).isTrue();
        assertThat(post(payload, null).status()).isEqualTo(401);
        assertThat(post(payload.replace("forged", "tampered"), sign(payload)).status()).isEqualTo(401);
        assertThat(mongo.getCollection("messages").countDocuments()).isEqualTo(before);
    }

    @Test
    void whatsAppThenSmsFromTheSameNumberIsOneConversationOverTwoChannels() {
        String phone = newPhone();
        String payload = payload(phone, "wamid." + UUID.randomUUID(), "Hola");
        assertThat(post(payload, sign(payload)).status()).isEqualTo(200);
        Map<String, String> sms = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", "+" + phone, "To", "+15005550006", "Body", "Sigo por SMS", "NumSegments", "1");

        Http.Response received = twilio(sms, twilioSign(url("/webhooks/sms"), sms));
        assertThat(received.status()).as(received.body()).isEqualTo(200);

        JsonNode thread = Http.get(url("/api/conversations?profileId=" + profileOf("phone:%2B" + phone)),
                Tokens.user("ana")).json();
        assertThat(thread.get("messages").findValuesAsString("channel")).containsExactly("whatsapp", "sms");
        assertThat(twilio(sms, "bm90LXRoZS1zaWduYXR1cmU=").status()).isEqualTo(401);
    }

    @Test
    void aTelegramUpdateWithTheSecretTokenJoinsAConversationAndOneWithoutIsRefused() {
        long user = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
        String update = """
                {"update_id":%1$d,"message":{"message_id":7,"from":{"id":%1$d,"is_bot":false,"first_name":"Inés"},
                "chat":{"id":%1$d,"type":"private"},"date":%2$d,"text":"¿Tenéis tienda en Sevilla?"}}"""
                .formatted(user, Instant.now().getEpochSecond());

        assertThat(Http.send("POST", url("/webhooks/telegram"), null, Map.of("Content-Type", "application/json",
                "X-Telegram-Bot-Api-Secret-Token", "wrong"), update).status()).isEqualTo(401);
        Http.Response accepted = Http.send("POST", url("/webhooks/telegram"), null, Map.of("Content-Type",
                "application/json", "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET), update);
        assertThat(accepted.status()).isEqualTo(200);

        JsonNode thread = Http.get(url("/api/conversations?profileId=" + profileOf("telegram:" + user)),
                Tokens.user("ana")).json();
        assertThat(thread.get("messages").get(0).get("channel").asString()).isEqualTo("telegram");
        assertThat(thread.get("messages").get(0).get("senderName").asString()).isEqualTo("Inés");
    }

    @Test
    void aReplyInsideTheWhatsAppWindowGoesFreeFormOnWhatsAppIntoTheSameThread() {
        String phone = newPhone();
        String payload = payload(phone, "wamid." + UUID.randomUUID(), "¿Dónde está mi pedido?");
        assertThat(post(payload, sign(payload)).status()).isEqualTo(200);
        String profileId = profileOf("whatsapp:%2B" + phone);

        Http.Response sent = dispatch(UUID.randomUUID().toString(), profileId, "service", null, null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("channel").asString()).isEqualTo("whatsapp");
        assertThat(sent.json().get("kind").asString()).isEqualTo("free-form");
        assertThat(sent.json().get("decisions").toString()).contains("inside the 24-hour window");
        JsonNode thread = Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("ana")).json();
        assertThat(thread.get("messages").findValuesAsString("direction")).containsExactly("inbound", "outbound");
        assertThat(EventTap.body(events.await("omni.conversation.message-sent.v1", profileId))).contains("whatsapp");
    }

    @Test
    void outsideTheWindowWhatsAppNeedsATemplateOtherwiseTheNextChannelIsUsed() {
        String phone = "+" + newPhone();
        String profileId = Http.post(profileServiceUrl() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"whatsapp","value":"%1$s"},{"type":"phone","value":"%1$s"}]}""".formatted(phone))
                .json().get("profileId").asString();

        Http.Response fallback = dispatch(UUID.randomUUID().toString(), profileId, "service", null, null);
        assertThat(fallback.json().get("channel").asString()).isEqualTo("sms");
        assertThat(fallback.json().get("decisions").toString()).contains("whatsapp: skipped, outside the 24-hour window");

        Http.Response registered = Http.send("PUT", url("/api/templates/order_update"), Tokens.user("sofia"),
                Map.of("Content-Type", "application/json"), """
                {"kind":"message","languages":{"es":{"body":"Tu pedido {{order}} llega mañana"}},
                 "whatsapp":{"name":"order_update","approved":true,"parameters":["order"]}}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        Http.Response template = dispatch(UUID.randomUUID().toString(), profileId, "service", null, "order_update");
        assertThat(template.json().get("channel").asString()).isEqualTo("whatsapp");
        assertThat(template.json().get("kind").asString()).isEqualTo("template");
    }

    @Test
    void choicesGoAsATappableListInsideTheWindowAsNumberedTextOnSmsAndATapComesBackWithItsId() {
        String phone = newPhone();
        String profileId = Http.post(profileServiceUrl() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"whatsapp","value":"+%1$s"},{"type":"phone","value":"+%1$s"}]}""".formatted(phone))
                .json().get("profileId").asString();
        String payload = payload(phone, "wamid." + UUID.randomUUID(), "Ya me ha llegado");
        assertThat(post(payload, sign(payload)).status()).isEqualTo(200);

        Http.Response sent = Http.post(url("/api/messages/dispatch"), Tokens.services(), interactive(profileId, "whatsapp"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("kind").asString()).isEqualTo("interactive");
        assertThat(sent.json().get("form").asString()).as("five choices do not fit three buttons").isEqualTo("list");
        assertThat(sent.json().get("decisions").toString()).contains("interactive inside the 24-hour window");
        JsonNode kept = Http.get(url("/api/channels/sandbox/outbox?channel=whatsapp&to=%2B" + phone), Tokens.user("ana"))
                .json().get(0);
        assertThat(kept.get("messageId").asString()).isEqualTo(sent.json().get("messageId").asString());
        assertThat(kept.get("form").asString()).isEqualTo("list");
        assertThat(kept.get("interactive").get("body").asString()).isEqualTo("¿Cómo te atendimos?");
        assertThat(kept.get("interactive").get("choices").findValuesAsString("id"))
                .containsExactly("csat=5", "csat=4", "csat=3", "csat=2", "csat=1");

        Http.Response tapped = Http.post(url("/api/channels/sandbox/outbox/" + kept.get("providerMessageId").asString()
                + "/tap"), Tokens.user("ana"), "{\"choice\":\"csat=4\"}");
        assertThat(tapped.json().get("webhookStatus").asInt()).as(tapped.body()).isEqualTo(200);
        JsonNode reply = Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("ana")).json()
                .get("messages").valueStream().filter(m -> "csat=4".equals(m.path("replyId").asString(null)))
                .findFirst().orElseThrow();
        assertThat(reply.get("text").asString()).isEqualTo("Bien");
        assertThat(Http.get(url("/api/messages/" + reply.get("id").asString()), Tokens.services()).json().get("replyId")
                .asString()).as("what feedback-service reads").isEqualTo("csat=4");
        assertThat(Http.post(url("/api/channels/sandbox/outbox/" + kept.get("providerMessageId").asString() + "/tap"),
                Tokens.user("ana"), "{\"choice\":\"csat=9\"}").status()).as("not one of its choices").isEqualTo(400);

        Http.Response sms = Http.post(url("/api/messages/dispatch"), Tokens.services(), interactive(profileId, "sms"));
        assertThat(sms.json().get("kind").asString()).as(sms.body()).isEqualTo("free-form");
        assertThat(sms.json().get("form").asString()).as("SMS shows no buttons").isEqualTo("text");
        JsonNode text = Http.get(url("/api/channels/sandbox/outbox?channel=sms&to=%2B" + phone), Tokens.user("ana"))
                .json().get(0);
        assertThat(text.get("text").asString()).isEqualTo("¿Cómo te atendimos?\n1. 😀 Excelente\n2. Bien\n3. Regular"
                + "\n4. Mal\n5. 😞 Muy mal — lo sentimos");
        assertThat(text.hasNonNull("interactive")).isFalse();
    }

    @Test
    void anInteractiveMessageBeyondWhatsAppsLimitsIsA400NamingEachLimitAndNothingIsStored() {
        String phone = registeredWhatsApp(); // inside the window: WhatsApp would take it
        String profileId = profileOf("whatsapp:%2B" + phone);
        String requestId = UUID.randomUUID().toString();
        StringBuilder choices = new StringBuilder("{\"id\":\"a\",\"title\":\"" + "x".repeat(25) + "\"},"
                + "{\"id\":\"a\",\"title\":\"B\",\"description\":\"" + "d".repeat(73) + "\"}");
        for (int i = 0; i < 9; i++) {
            choices.append(",{\"id\":\"c").append(i).append("\",\"title\":\"C\"}");
        }
        Http.Response bad = Http.post(url("/api/messages/dispatch"), Tokens.services(), """
                {"requestId":"%s","profileId":"%s","purpose":"service","interactive":{"body":" ",
                 "button":"Una etiqueta demasiado larga","choices":[%s]}}""".formatted(requestId, profileId, choices));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("interactive.body", "interactive.button",
                "interactive.choices", "interactive.choices[0].title", "interactive.choices[1].id",
                "interactive.choices[1].description");
        assertThat(bad.body()).contains("at most 20 characters", "at most 24 characters", "at most 72 characters",
                "1 to 10 choices");
        assertThat(Http.get(url("/api/messages/dispatch/" + requestId), Tokens.services()).status()).isEqualTo(404);
        assertThat(mongo.getCollection("messages").countDocuments(new org.bson.Document("requestId", requestId))).isZero();
        assertThat(Http.get(url("/api/channels/sandbox/outbox?to=%2B" + phone), Tokens.user("ana")).json()
                .findValuesAsString("kind")).doesNotContain("interactive");
    }

    private String registeredWhatsApp() {
        String phone = newPhone();
        String payload = payload(phone, "wamid." + UUID.randomUUID(), "Hola");
        assertThat(post(payload, sign(payload)).status()).isEqualTo(200);
        return phone;
    }

    /** A CSAT question with five choices (one with a description), on one channel. */
    private static String interactive(String profileId, String channel) {
        return """
                {"requestId":"%s","profileId":"%s","purpose":"service","channels":["%s"],"interactive":{
                 "body":"¿Cómo te atendimos?","button":"Valorar","choices":[{"id":"csat=5","title":"😀 Excelente"},
                 {"id":"csat=4","title":"Bien"},{"id":"csat=3","title":"Regular"},{"id":"csat=2","title":"Mal"},
                 {"id":"csat=1","title":"😞 Muy mal","description":"lo sentimos"}]}}""".formatted(UUID.randomUUID(),
                profileId, channel);
    }

    @Test
    void withoutConsentAMarketingMessageIsRefusedWithItsReasonsAndARetriedRequestGetsTheSameAnswer() {
        String phone = "+" + newPhone();
        String profileId = Http.post(profileServiceUrl() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"phone","value":"%s"}]}""".formatted(phone)).json().get("profileId").asString();
        String requestId = UUID.randomUUID().toString();

        Http.Response refused = dispatch(requestId, profileId, "marketing", null, null);
        assertThat(refused.status()).isEqualTo(202);
        assertThat(refused.json().get("status").asString()).isEqualTo("refused");
        assertThat(refused.json().get("decisions").toString()).contains("consent-missing");

        Http.Response service = dispatch("svc-" + requestId, profileId, "service", List.of("email", "sms"), null);
        Http.Response again = dispatch("svc-" + requestId, profileId, "service", List.of("email", "sms"), null);
        assertThat(again.json().get("messageId").asString()).isEqualTo(service.json().get("messageId").asString());
        assertThat(service.json().get("channel").asString()).isEqualTo("sms");
    }

    @Test
    void theContactPressureBudgetDefersTheThirdPromotionOfTheWeekAndSaysUntilWhen() {
        String email = "budget-" + UUID.randomUUID() + "@example.com";
        String profileId = Http.post(profileServiceUrl() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"email","value":"%s","verified":true}]}""".formatted(email)).json()
                .get("profileId").asString();
        assertThat(Http.send("PUT", profileServiceUrl() + "/api/profiles/" + profileId + "/consents", Tokens.user("ana"),
                Map.of("Content-Type", "application/json"),
                "{\"channel\":\"email\",\"purpose\":\"marketing\",\"state\":\"granted\"}").status()).isEqualTo(200);

        assertThat(dispatch(UUID.randomUUID().toString(), profileId, "marketing", null, null).status()).isEqualTo(200);
        assertThat(dispatch(UUID.randomUUID().toString(), profileId, "marketing", null, null).status()).isEqualTo(200);
        Http.Response third = dispatch(UUID.randomUUID().toString(), profileId, "marketing", null, null);
        assertThat(third.status()).isEqualTo(202);
        assertThat(third.json().get("status").asString()).isEqualTo("deferred");
        assertThat(third.json().get("decisions").toString()).contains("contact-pressure budget");
        assertThat(Instant.parse(third.json().get("deferredUntil").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(6))).isBefore(Instant.now().plus(Duration.ofDays(7)));
        assertThat(dispatch(UUID.randomUUID().toString(), profileId, "service", null, null).status())
                .as("service messages are counted, never blocked").isEqualTo(200);
    }

    @Test
    void badDispatchRequestsNameTheirProblemsAndCustomersMayNotDispatch() {
        Http.Response bad = Http.post(url("/api/messages/dispatch"), Tokens.user("ana"),
                "{\"requestId\":\"\",\"purpose\":\"spam\",\"text\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("requestId", "profileId", "purpose");
        Http.Response empty = Http.post(url("/api/messages/dispatch"), Tokens.user("ana"),
                "{\"requestId\":\"r-empty\",\"profileId\":\"p\",\"purpose\":\"service\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("text, template or interactive is required");
        assertThat(dispatch(UUID.randomUUID().toString(), "no-such-profile", "service", null, null).status()).isEqualTo(400);
        assertThat(Http.post(url("/api/messages/dispatch"), Tokens.user("carla"), "{}").status()).isEqualTo(403);
    }

    private Http.Response dispatch(String requestId, String profileId, String purpose, List<String> channels,
                                   String template) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("requestId", requestId, "profileId", profileId,
                "purpose", purpose, "text", "Tu pedido llega mañana"));
        if (channels != null) {
            request.put("channels", channels);
        }
        if (template != null) {
            request.put("template", template);
            request.put("variables", Map.of("order", "A-1001"));
        }
        String body = new tools.jackson.databind.json.JsonMapper().writeValueAsString(request);
        return Http.post(url("/api/messages/dispatch"), Tokens.services(), body);
    }

    private String profileOf(String identifier) {
        return Http.get(profileServiceUrl() + "/api/profiles?identifier=" + identifier, Tokens.user("ana")).json()
                .get("profileId").asString();
    }

    private Http.Response twilio(Map<String, String> params, String signature) {
        String form = params.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return Http.send("POST", url("/webhooks/sms"), null, Map.of("Content-Type",
                "application/x-www-form-urlencoded", "X-Twilio-Signature", signature), form);
    }

    /** Signs the way Twilio does: Base64(HMAC-SHA1(auth token, URL + sorted name/value pairs)). */
    private static String twilioSign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newPhone() {
        return "346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    private Http.Response post(String payload, String signature) {
        Map<String, String> headers = signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-Hub-Signature-256", signature);
        return Http.send("POST", url("/webhooks/whatsapp"), null, headers, payload);
    }

    private static String payload(String phone, String messageId, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Lucía"},"wa_id":"%1$s"}],
                "messages":[{"from":"%1$s","id":"%2$s","timestamp":"%3$d","type":"text","text":{"body":"%4$s"}}]}}]}]}"""
                .formatted(phone, messageId, Instant.now().getEpochSecond(), text);
    }

    /** Signs the way Meta does: HMAC-SHA256 of the raw body with the app secret, hex, prefixed. */
    private static String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String profileServiceUrl() {
        return PlatformServices.profiles();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
