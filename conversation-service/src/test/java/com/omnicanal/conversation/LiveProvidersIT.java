package com.omnicanal.conversation;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live mode: our provider clients speak the providers' real APIs (WhatsApp Cloud API and Twilio, here stand-ins that
 * record the requests) and e-mail goes over real SMTP and comes back over real IMAP (GreenMail), threaded.
 */
@OmniServiceTest
class LiveProvidersIT {

    private static final String APP_SECRET = "live-" + UUID.randomUUID();
    private static final String MAIL_KEY = "mailgun-" + UUID.randomUUID();
    private static final ProviderStandIn providers = new ProviderStandIn();
    private static final TestBroker broker = new TestBroker();
    private static EventTap statuses;
    private static final GreenMail mail = new GreenMail(new ServerSetup[]{
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});

    static {
        mail.start();
        mail.setUser("atencion@omnicanal.local", "atencion", "mailbox-secret");
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void live(DynamicPropertyRegistry registry) {
        registry.add("omni.channels.live", () -> "whatsapp,sms,email");
        registry.add("omni.channels.whatsapp.app-secret", () -> APP_SECRET);
        registry.add("omni.channels.whatsapp.base-url", providers::url);
        registry.add("omni.channels.whatsapp.phone-number-id", () -> "106540352242922");
        registry.add("omni.channels.whatsapp.access-token", () -> "EAAG-live-token");
        registry.add("omni.channels.sms.base-url", providers::url);
        registry.add("omni.channels.sms.account-sid", () -> "AC123");
        registry.add("omni.channels.sms.auth-token", () -> "twilio-token");
        registry.add("omni.channels.sms.from", () -> "+15550001111");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("omni.channels.email.imap.host", () -> "127.0.0.1");
        registry.add("omni.channels.email.imap.port", () -> mail.getImap().getPort());
        registry.add("omni.channels.email.imap.ssl", () -> "false");
        registry.add("omni.channels.email.imap.username", () -> "atencion");
        registry.add("omni.channels.email.imap.password", () -> "mailbox-secret");
        registry.add("omni.channels.email.imap.poll-interval", () -> "500ms");
        registry.add("omni.channels.email.webhook-signing-key", () -> MAIL_KEY);
        registry.add("omni.services.profile-url", PlatformServices::profiles);
    }

    @BeforeAll
    static void tapStatuses() {
        statuses = broker.tap("omni.conversation", "omni.conversation.message-status-changed.v1");
    }

    @AfterAll
    static void stop() {
        providers.close();
        mail.stop();
        broker.close();
    }

    @Test
    void whatsAppGoesThroughTheCloudApiAndARefusalFallsBackToTwilio() {
        String phone = "346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        assertThat(signedWhatsApp(hola(phone)).status()).isEqualTo(200);
        String profileId = Http.get(PlatformServices.profiles() + "/api/profiles?identifier=whatsapp:%2B" + phone,
                Tokens.user("ana")).json().get("profileId").asString();

        String cloudApi = "/v21.0/106540352242922/messages";
        providers.answer(cloudApi, 200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.LIVE-" + phone + "\"}]}");
        JsonNode sent = dispatch(profileId, "[\"whatsapp\",\"sms\"]").json();
        assertThat(sent.get("channel").asString()).isEqualTo("whatsapp");
        ProviderStandIn.Call call = providers.calls(cloudApi).getLast();
        assertThat(call.headers().get("Authorization")).containsExactly("Bearer EAAG-live-token");
        assertThat(call.body()).contains("\"to\":\"" + phone + "\"", "\"type\":\"text\"", "Tu pedido sale hoy");

        String status = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","statuses":[{"id":"wamid.LIVE-%s","status":"delivered","timestamp":"%d",
                "recipient_id":"%s"}]}}]}]}""".formatted(phone, Instant.now().getEpochSecond(), phone);
        assertThat(signedWhatsApp(status).status()).isEqualTo(200);
        assertThat(messageStatus(profileId, sent.get("messageId").asString())).isEqualTo("delivered");

        providers.answer(cloudApi, 400, "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"code\":131047}}");
        providers.answer("/2010-04-01/Accounts/AC123/Messages.json", 201, "{\"sid\":\"SM" + phone + "\",\"status\":\"queued\"}");
        JsonNode fallback = dispatch(profileId, "[\"whatsapp\",\"sms\"]").json();
        assertThat(fallback.get("channel").asString()).isEqualTo("sms");
        assertThat(fallback.get("decisions").toString()).contains("whatsapp: the provider refused it", "131047");
        ProviderStandIn.Call twilio = providers.calls("/2010-04-01/Accounts/AC123/Messages.json").getLast();
        assertThat(twilio.headers().get("Authorization").getFirst()).startsWith("Basic ");
        assertThat(twilio.body()).contains("To=%2B" + phone, "From=%2B15550001111", "Body=Tu+pedido+sale+hoy");
    }

    @Test
    void choicesGoToTheCloudApiAsReplyButtonsOrAListInsideTheWindowAndAsTheApprovedTemplateOutsideIt() {
        String phone = "346" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String cloudApi = "/v21.0/106540352242922/messages";
        providers.answer(cloudApi, 200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.LIVE-" + phone + "\"}]}");
        String away = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"whatsapp","value":"+%s"}]}""".formatted(phone)).json().get("profileId").asString();
        assertThat(Http.send("PUT", url("/api/templates/rate_us"), Tokens.user("sofia"), Map.of("Content-Type",
                "application/json"), """
                {"kind":"message","languages":{"es":{"body":"¿Nos valoras?"}},
                 "whatsapp":{"name":"rate_us","approved":true,"parameters":[]}}""").status()).isEqualTo(200);
        JsonNode templated = Http.post(url("/api/messages/dispatch"), Tokens.services(), choices(away, 3, "rate_us")).json();
        assertThat(templated.get("kind").asString()).as(templated.toString()).isEqualTo("template");
        assertThat(templated.get("form").asString()).isEqualTo("template");
        assertThat(json(providers.calls(cloudApi).getLast().body()).get("type").asString()).isEqualTo("template");

        assertThat(signedWhatsApp(hola(phone)).status()).isEqualTo(200);
        JsonNode buttons = Http.post(url("/api/messages/dispatch"), Tokens.services(), choices(away, 3, "rate_us")).json();
        assertThat(buttons.get("form").asString()).as(buttons.toString()).isEqualTo("buttons");
        JsonNode sent = json(providers.calls(cloudApi).getLast().body());
        assertThat(sent.get("to").asString()).isEqualTo(phone);
        assertThat(sent.get("type").asString()).isEqualTo("interactive");
        assertThat(sent.at("/interactive/type").asString()).isEqualTo("button");
        assertThat(sent.at("/interactive/body/text").asString()).isEqualTo("¿Qué tal?");
        assertThat(sent.at("/interactive/action/buttons").findValuesAsString("type")).containsOnly("reply");
        assertThat(sent.at("/interactive/action/buttons/2/reply")) // fields in any order: the body is a map
                .isEqualTo(json("{\"id\":\"c-3\",\"title\":\"Opción 3\"}"));

        Http.post(url("/api/messages/dispatch"), Tokens.services(), choices(away, 10, null));
        JsonNode list = json(providers.calls(cloudApi).getLast().body()).get("interactive");
        assertThat(list.get("type").asString()).isEqualTo("list");
        assertThat(list.at("/action/button").asString()).isEqualTo("Elegir");
        assertThat(list.at("/action/sections/0/rows")).hasSize(10);
        assertThat(list.at("/action/sections/0/rows/9"))
                .isEqualTo(json("{\"id\":\"c-10\",\"title\":\"Opción 10\",\"description\":\"la última\"}"));
    }

    /** {@code n} choices {@code c-1}… (the last with a description when there are more than three). */
    private static String choices(String profileId, int n, String template) {
        StringBuilder choices = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            choices.append(i == 1 ? "" : ",").append("{\"id\":\"c-").append(i).append("\",\"title\":\"Opción ")
                    .append(i).append(i == n && n > 3 ? "\",\"description\":\"la última\"}" : "\"}");
        }
        return """
                {"requestId":"%s","profileId":"%s","purpose":"service","channels":["whatsapp"],%s
                 "interactive":{"body":"¿Qué tal?","choices":[%s]}}""".formatted(UUID.randomUUID(), profileId,
                template == null ? "" : "\"template\":\"" + template + "\",", choices);
    }

    /** Luis writes "Hola" on WhatsApp, as Meta's webhook reports it. */
    private static String hola(String phone) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","contacts":[{"profile":{"name":"Luis"},"wa_id":"%1$s"}],
                "messages":[{"from":"%1$s","id":"wamid.in-%2$s","timestamp":"%3$d","type":"text","text":{"body":"Hola"}}]}}]}]}"""
                .formatted(phone, UUID.randomUUID(), Instant.now().getEpochSecond());
    }

    private static JsonNode json(String body) {
        return new tools.jackson.databind.json.JsonMapper().readTree(body);
    }

    @Test
    void anEmailGoesOutOverSmtpAndTheCustomersReplyComesBackOverImapIntoTheSameConversation() throws Exception {
        String customer = "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"email","value":"%s","verified":true}]}""".formatted(customer)).json()
                .get("profileId").asString();
        Http.Response sent = Http.post(url("/api/messages/dispatch"), Tokens.services(), """
                {"requestId":"%s","profileId":"%s","purpose":"service","channels":["email"],"subject":"Tu pedido A-1",
                 "text":"Tu pedido sale hoy"}""".formatted(UUID.randomUUID(), profileId));
        assertThat(sent.json().get("channel").asString()).as(sent.body()).isEqualTo("email");

        MimeMessage delivered = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> address(m).equals(customer)).findFirst().orElseThrow();
        assertThat(delivered.getSubject()).isEqualTo("Tu pedido A-1");
        assertThat(delivered.getFrom()[0].toString()).contains("atencion@omnicanal.local");
        String ourMessageId = delivered.getMessageID();
        assertThat(ourMessageId).endsWith("@omnicanal.local>");

        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(smtp));
        reply.setFrom(new InternetAddress(customer, "Cliente"));
        reply.setRecipients(Message.RecipientType.TO, "atencion@omnicanal.local");
        reply.setSubject("Re: Tu pedido A-1");
        reply.setText("¿Y a qué hora llega?");
        reply.setHeader("In-Reply-To", ourMessageId);
        reply.setHeader("References", ourMessageId);
        Transport.send(reply);

        String conversationId = sent.json().get("conversationId").asString();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> Http.get(
                url("/api/conversations/" + conversationId), Tokens.user("sofia")).body().contains("¿Y a qué hora llega?"));
        JsonNode thread = Http.get(url("/api/conversations/" + conversationId), Tokens.user("sofia")).json();
        assertThat(thread.get("messages").valueStream().map(m -> m.get("direction").asString()))
                .containsExactly("outbound", "inbound");
    }

    @Test
    void aBounceInTheMailboxMarksTheMailFailedWithItsReasonAndIsNeverShownAsTheCustomersMessage() throws Exception {
        String customer = "nadie-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Sent sent = sendMail(customer);

        Session session = Session.getInstance(new Properties());
        mail.getUserManager().getUser("atencion").deliver(new MimeMessage(session, new ByteArrayInputStream(
                dsn(customer, sent.ourMessageId()).getBytes(StandardCharsets.UTF_8))));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> "failed".equals(message(sent).get("status").asString()));
        assertThat(message(sent).get("error").asString()).contains("bounced: 5.1.1", "550 5.1.1", "User unknown");
        String event = EventTap.body(statuses.await("omni.conversation.message-status-changed.v1", sent.profileId()));
        assertThat(event).contains(sent.messageId(), "\"status\":\"failed\"", "5.1.1");
        assertThat(thread(sent).valueStream().map(m -> m.get("direction").asString())).containsExactly("outbound");
    }

    @Test
    void aBouncePostedToTheInboundParseWebhookMarksTheMailFailedToo() throws Exception {
        String customer = "nadie-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Sent sent = sendMail(customer);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String token = UUID.randomUUID().toString();
        Map<String, String> form = Map.of("sender", "MAILER-DAEMON@mx.example.com", "subject", "Undelivered Mail",
                "body-mime", dsn(customer, sent.ourMessageId()), "timestamp", timestamp, "token", token,
                "signature", hmac(MAIL_KEY, timestamp + token));
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

        Http.Response answer = Http.send("POST", url("/webhooks/email"), null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(message(sent).get("status").asString()).isEqualTo("failed");
        assertThat(message(sent).get("error").asString()).contains("5.1.1");
        assertThat(thread(sent)).hasSize(1);
    }

    @Test
    void aBounceNamingOurMessageUnderAnotherMailIdChangesNothing() throws Exception {
        String customer = "nadie-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Sent sent = sendMail(customer);
        // the message's own part with another conversation: ours in form, but not the Message-ID that mail carried
        String forged = sent.ourMessageId().replaceFirst("\\.[^@]+@", "." + UUID.randomUUID() + "@");
        assertThat(forged).isNotEqualTo(sent.ourMessageId());
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String token = UUID.randomUUID().toString();
        Map<String, String> form = Map.of("sender", "MAILER-DAEMON@mx.example.com", "subject", "Undelivered Mail",
                "body-mime", dsn(customer, forged), "timestamp", timestamp, "token", token,
                "signature", hmac(MAIL_KEY, timestamp + token));
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

        assertThat(Http.send("POST", url("/webhooks/email"), null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body).status()).isEqualTo(200);
        assertThat(message(sent).get("status").asString()).isEqualTo("sent");
    }

    private record Sent(String profileId, String conversationId, String messageId, String ourMessageId) {
    }

    private Sent sendMail(String customer) {
        String profileId = Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                {"identifiers":[{"type":"email","value":"%s","verified":true}]}""".formatted(customer)).json()
                .get("profileId").asString();
        JsonNode sent = Http.post(url("/api/messages/dispatch"), Tokens.services(), """
                {"requestId":"%s","profileId":"%s","purpose":"service","channels":["email"],"subject":"Tu pedido A-2",
                 "text":"Tu pedido sale hoy"}""".formatted(UUID.randomUUID(), profileId)).json();
        assertThat(sent.get("channel").asString()).as(sent.toString()).isEqualTo("email");
        MimeMessage delivered = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> address(m).equals(customer)).findFirst().orElseThrow();
        try {
            return new Sent(profileId, sent.get("conversationId").asString(), sent.get("messageId").asString(),
                    delivered.getMessageID());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RFC 3464 report as Postfix sends it: the human part, the delivery-status fields, the returned headers. */
    private static String dsn(String customer, String ourMessageId) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r
                To: atencion@omnicanal.local\r
                Subject: Undelivered Mail Returned to Sender\r
                Message-ID: <dsn-%3$s@mx.example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="DSN-B"\r
                \r
                --DSN-B\r
                Content-Type: text/plain; charset=us-ascii\r
                \r
                I'm sorry to have to inform you that your message could not be delivered.\r
                \r
                --DSN-B\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.example.com\r
                \r
                Final-Recipient: rfc822; %1$s\r
                Action: failed\r
                Status: 5.1.1\r
                Diagnostic-Code: smtp; 550 5.1.1 <%1$s>: Recipient address rejected: User unknown\r
                \r
                --DSN-B\r
                Content-Type: text/rfc822-headers\r
                \r
                From: Omnicanal <atencion@omnicanal.local>\r
                To: %1$s\r
                Subject: Tu pedido A-2\r
                Message-ID: %2$s\r
                \r
                --DSN-B--\r
                """.formatted(customer, ourMessageId, UUID.randomUUID());
    }

    private JsonNode thread(Sent sent) {
        return Http.get(url("/api/conversations/" + sent.conversationId()), Tokens.user("sofia")).json().get("messages");
    }

    private JsonNode message(Sent sent) {
        return thread(sent).valueStream().filter(m -> m.get("id").asString().equals(sent.messageId())).findFirst()
                .orElseThrow();
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String messageStatus(String profileId, String messageId) {
        return Http.get(url("/api/conversations?profileId=" + profileId), Tokens.user("sofia")).json().get("messages")
                .valueStream().filter(m -> m.get("id").asString().equals(messageId)).findFirst().orElseThrow()
                .get("status").asString();
    }

    private Http.Response dispatch(String profileId, String channels) {
        return Http.post(url("/api/messages/dispatch"), Tokens.services(), """
                {"requestId":"%s","profileId":"%s","purpose":"service","channels":%s,"text":"Tu pedido sale hoy"}"""
                .formatted(UUID.randomUUID(), profileId, channels));
    }

    private Http.Response signedWhatsApp(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            return Http.send("POST", url("/webhooks/whatsapp"), null,
                    Map.of("Content-Type", "application/json", "X-Hub-Signature-256", signature), payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
