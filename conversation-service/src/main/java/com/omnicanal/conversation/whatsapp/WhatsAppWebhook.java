package com.omnicanal.conversation.whatsapp;

import com.omnicanal.conversation.channel.MetaHandshake;
import com.omnicanal.conversation.inbox.Deliveries;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import com.omnicanal.conversation.inbox.InboundMessage.SenderId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WhatsApp Cloud API webhook: Meta's verification handshake, then signed {@code entry[].changes[].value}
 * payloads with messages and statuses. A missing or wrong {@code X-Hub-Signature-256} is refused (401) before
 * anything is read or stored. The handshake is a controller method; payloads come through {@link WhatsAppInboundFilter}.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WhatsAppWebhook {

    private final WhatsAppProperties properties;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final JsonMapper json;

    WhatsAppWebhook(WhatsAppProperties properties, Inbox inbox, Deliveries deliveries, JsonMapper json) {
        this.properties = properties;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.json = json;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@RequestParam("hub.mode") String mode, @RequestParam("hub.verify_token") String token,
                  @RequestParam("hub.challenge") String challenge) {
        return MetaHandshake.answer(mode, token, challenge, properties.verifyToken());
    }

    /** A signed payload's messages and statuses (POST, served by {@link WhatsAppInboundFilter}). */
    void receive(byte[] body, String signature) {
        MetaHandshake.requireSignature(body, signature, properties.appSecret());
        for (JsonNode entry : json.readTree(body).path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                receiveMessages(change.path("value"));
                receiveStatuses(change.path("value"));
            }
        }
    }

    private void receiveMessages(JsonNode value) {
        Map<String, String> names = new HashMap<>();
        value.path("contacts").forEach(c -> names.put(c.path("wa_id").asString(), c.path("profile").path("name").asString(null)));
        for (JsonNode message : value.path("messages")) {
            String from = message.path("from").asString();
            Instant at = Instant.ofEpochSecond(message.path("timestamp").asLong(Instant.now().getEpochSecond()));
            inbox.receive(new InboundMessage("whatsapp", message.path("id").asString(),
                    List.of(new SenderId("whatsapp", "+" + from, true)), names.get(from), WhatsAppContent.text(message),
                    at, WhatsAppContent.details(message)));
        }
    }

    private void receiveStatuses(JsonNode value) {
        for (JsonNode status : value.path("statuses")) {
            JsonNode error = status.path("errors").path(0);
            deliveries.update("whatsapp", status.path("id").asString(), status.path("status").asString(),
                    error.isMissingNode() ? null : error.path("code").asString() + " " + error.path("title").asString(),
                    Instant.ofEpochSecond(status.path("timestamp").asLong(Instant.now().getEpochSecond())));
        }
    }
}
