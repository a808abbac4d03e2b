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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The FAQ bot on duty around the clock, SLA clocks on a fast sweep, and snoozes that wake up. */
@OmniServiceTest
class BotAndSlaIT {

    private static final String SECRET = "bot-" + UUID.randomUUID();
    private static final TestBroker broker = new TestBroker();
    private static EventTap events;
    private static EventTap received;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("omni.channels.telegram.secret-token", () -> SECRET);
        registry.add("omni.channels.messenger.app-secret", () -> SECRET);
        registry.add("omni.bot.mode", () -> "always");
        registry.add("omni.sla.sweep-interval", () -> "PT0.3S");
        registry.add("omni.conversations.snooze-check", () -> "PT0.3S");
        registry.add("omni.services.profile-url", PlatformServices::profiles);
    }

    @BeforeAll
    static void tap() {
        events = broker.tap("omni.conversation", "omni.conversation.sla-breached.v1");
        received = broker.tap("omni.conversation", "omni.conversation.message-received.v1");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void theBotAnswersWhatItKnowsAndHandsOverWhenAskedForAPerson() {
        assertThat(put("/api/conversations/faq/opening-hours", """
                {"language":"es","questions":["¿Cuál es el horario de la tienda?","¿A qué hora abrís?"],
                 "answer":"Abrimos de 10:00 a 21:00, de lunes a sábado."}""").status()).isEqualTo(200);
        String chat = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        writes("telegram", chat, "Hola, ¿a qué hora abre la tienda?");
        String conversation = conversationOf("telegram:" + chat);

        await().atMost(Duration.ofSeconds(20)).until(() -> thread(conversation).contains("Abrimos de 10:00 a 21:00"));
        // the answer is in the thread a moment before the bot sets the status: wait for that, then check who answered
        await("waits for the customer, not for an agent").atMost(Duration.ofSeconds(10)).until(() ->
                Http.get(url("/api/conversations/" + conversation), Tokens.user("sofia")).json().get("status")
                        .asString().equals("pending"));
        JsonNode answered = Http.get(url("/api/conversations/" + conversation), Tokens.user("sofia")).json();
        assertThat(answered.get("messages").get(1).get("author").asString()).isEqualTo("bot");

        writes("telegram", chat, "Prefiero hablar con un agente, por favor");
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/conversations/queue"), Tokens.user("sofia"))
                .body().contains(conversation));
        assertThat(thread(conversation)).contains("Bot handed over to a person: the customer asked for one");
    }

    /** The flow runs without claims (its writes are keyed): a redelivered event leaves one hand-over note. */
    @Test
    void aRedeliveredMessageReceivedRepeatsNothing() {
        String chat = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        writes("telegram", chat, "zzz qwerty asdf");
        String conversation = conversationOf("telegram:" + chat);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/conversations/queue"), Tokens.user("sofia"))
                .body().contains(conversation));
        org.springframework.amqp.core.Message event = received.await(m -> EventTap.body(m).contains(conversation),
                Duration.ofSeconds(10));
        double before = processedMessageReceived();
        broker.template().send("omni.conversation", "omni.conversation.message-received.v1", event);
        broker.template().send("omni.conversation", "omni.conversation.message-received.v1", event);
        await("both copies handled").atMost(Duration.ofSeconds(20)).until(() -> processedMessageReceived() >= before + 2);

        String thread = thread(conversation);
        assertThat(thread.split("Bot handed over to a person", -1)).as(thread).hasSize(2);
    }

    /** {@code omni.events.processed} for message-received, as Prometheus shows it (0 before the first). */
    private double processedMessageReceived() {
        return Http.get(url("/actuator/prometheus"), null).body().lines()
                .filter(l -> l.startsWith("omni_events_processed_total") && l.contains("message-received"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aFirstResponseNotGivenInTimeIsPublishedAsBreachedAndATimelyOneIsNot() {
        assertThat(put("/api/conversations/sla-policies/bad", "{\"firstResponse\":\"-PT1S\"}").status()).isEqualTo(400);
        assertThat(put("/api/conversations/calendars/madrid", """
                {"timezone":"Europe/Nowhere","hours":{"MONDAY":["09:00-18:00"]}}""").body()).contains("timezone");
        assertThat(put("/api/conversations/sla-policies/messenger-fast", """
                {"channel":"messenger","firstResponse":"PT2S","warnBefore":"PT1S"}""").status()).isEqualTo(200);

        String late = "psid-" + UUID.randomUUID();
        writes("messenger", late, "zzz qwerty");
        String lateProfile = Http.get(PlatformServices.profiles() + "/api/profiles?identifier=messenger:" + late,
                Tokens.user("ana")).json().get("profileId").asString();
        assertThat(EventTap.body(events.await("omni.conversation.sla-breached.v1", lateProfile))).contains("first-response");

        String quick = "psid-" + UUID.randomUUID();
        writes("messenger", quick, "zzz qwerty otra vez");
        String conversation = conversationOf("messenger:" + quick);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Http.get(url("/api/conversations/" + conversation + "/sla"),
                Tokens.user("sofia")).json().isEmpty());
        assertThat(Http.post(url("/api/conversations/" + conversation + "/messages"), Tokens.user("sofia"),
                "{\"text\":\"Te ayudo ahora mismo\",\"channel\":\"messenger\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(url("/api/conversations/" + conversation + "/sla"),
                Tokens.user("sofia")).json().isEmpty());
        String quickProfile = Http.get(url("/api/conversations/" + conversation), Tokens.user("sofia")).json()
                .get("profileId").asString();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.await(m -> quickProfile.equals(
                EventTap.header(m, "ce-subject")), Duration.ofSeconds(4))).as("the answered one never breaches")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aSnoozedConversationOpensAgainWhenItsTimeComes() {
        String chat = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        writes("telegram", chat, "Lo miro y os digo");
        String conversation = conversationOf("telegram:" + chat);
        assertThat(Http.post(url("/api/conversations/" + conversation + "/status"), Tokens.user("sofia"),
                "{\"status\":\"snoozed\"}").status()).as("needs a time").isEqualTo(400);
        Http.Response snoozed = Http.post(url("/api/conversations/" + conversation + "/status"), Tokens.user("sofia"),
                "{\"status\":\"snoozed\",\"snoozedUntil\":\"" + Instant.now().plusSeconds(1) + "\"}");
        assertThat(snoozed.json().get("status").asString()).isEqualTo("snoozed");
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(url("/api/conversations/" + conversation),
                Tokens.user("sofia")).json().get("status").asString().equals("open"));
    }

    private void writes(String channel, String from, String text) {
        Http.Response answer = Http.post(url("/api/channels/sandbox/" + channel + "/inbound"), Tokens.user("ana"),
                "{\"from\":\"%s\",\"text\":\"%s\"}".formatted(from, text));
        assertThat(answer.json().get("webhookStatus").asInt()).as(answer.body()).isEqualTo(200);
    }

    private String conversationOf(String identifier) {
        String profileId = Http.get(PlatformServices.profiles() + "/api/profiles?identifier=" + identifier,
                Tokens.user("ana")).json().get("profileId").asString();
        return Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("sofia")).json().get("id").asString();
    }

    private String thread(String conversation) {
        return Http.get(url("/api/conversations/" + conversation), Tokens.user("sofia")).body();
    }

    private Http.Response put(String path, String json) {
        return Http.send("PUT", url(path), Tokens.user("sofia"), Map.of("Content-Type", "application/json"), json);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
