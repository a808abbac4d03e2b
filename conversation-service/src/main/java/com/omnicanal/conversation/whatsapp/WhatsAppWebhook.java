package com.omnicanal.conversation.whatsapp;

import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The WhatsApp Cloud API webhook: Meta's verification handshake, then signed {@code entry[].changes[].value}
 * payloads. A missing or wrong {@code X-Hub-Signature-256} is refused (401) before anything is read or stored.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WhatsAppWebhook {

    private final WhatsAppProperties properties;
    private final Inbox inbox;
    private final JsonMapper json;

    WhatsAppWebhook(WhatsAppProperties properties, Inbox inbox, JsonMapper json) {
        this.properties = properties;
        this.inbox = inbox;
        this.json = json;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@RequestParam("hub.mode") String mode, @RequestParam("hub.verify_token") String token,
                  @RequestParam("hub.challenge") String challenge) {
        boolean matches = properties.verifyToken() != null && MessageDigest.isEqual(
                properties.verifyToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !matches) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "verification refused");
        }
        return challenge;
    }

    @PostMapping
    Map<String, String> receive(@RequestBody byte[] body,
                                @RequestHeader(value = "X-Hub-Signature-256", required = false) String signature) {
        if (!MetaSignature.valid(body, signature, properties.appSecret())) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid signature");
        }
        JsonNode payload = json.readTree(body);
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                receiveMessages(change.path("value"));
            }
        }
        return Map.of("status", "received");
    }

    private void receiveMessages(JsonNode value) {
        Map<String, String> names = new HashMap<>();
        value.path("contacts").forEach(c -> names.put(c.path("wa_id").asString(), c.path("profile").path("name").asString(null)));
        for (JsonNode message : value.path("messages")) {
            String from = message.path("from").asString();
            String text = message.path("text").path("body").asString(null);
            Instant at = Instant.ofEpochSecond(message.path("timestamp").asLong(Instant.now().getEpochSecond()));
            inbox.receive(new InboundMessage("whatsapp", message.path("id").asString(), "whatsapp", "+" + from,
                    names.get(from), text == null ? "[" + message.path("type").asString() + "]" : text, at));
        }
    }
}
