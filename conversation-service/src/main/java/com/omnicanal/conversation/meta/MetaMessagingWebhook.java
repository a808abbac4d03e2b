package com.omnicanal.conversation.meta;

import com.omnicanal.conversation.channel.MetaHandshake;
import com.omnicanal.conversation.inbox.Deliveries;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import com.omnicanal.conversation.inbox.Watermarks;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;

/**
 * Messenger ({@code object: page}) and Instagram ({@code object: instagram}) webhooks: Meta's handshake, then
 * signed {@code entry[].messaging[]} events — messages from a page-scoped id, delivery receipts by message id, and
 * delivery and read watermarks (everything sent to that customer up to a time).
 */
@RestController
class MetaMessagingWebhook {

    private final MetaAppsProperties properties;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Watermarks watermarks;
    private final JsonMapper json;

    MetaMessagingWebhook(MetaAppsProperties properties, Inbox inbox, Deliveries deliveries, Watermarks watermarks,
                         JsonMapper json) {
        this.properties = properties;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.watermarks = watermarks;
        this.json = json;
    }

    @GetMapping(value = "/webhooks/{channel:messenger|instagram}", produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@PathVariable String channel, @RequestParam("hub.mode") String mode,
                  @RequestParam("hub.verify_token") String token, @RequestParam("hub.challenge") String challenge) {
        return MetaHandshake.answer(mode, token, challenge, properties.of(channel).verifyToken());
    }

    @PostMapping("/webhooks/{channel:messenger|instagram}")
    Map<String, String> receive(@PathVariable String channel, @RequestBody byte[] body,
                                @RequestHeader(value = "X-Hub-Signature-256", required = false) String signature) {
        MetaHandshake.requireSignature(body, signature, properties.of(channel).appSecret());
        for (JsonNode entry : json.readTree(body).path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                handle(channel, event);
            }
        }
        return Map.of("status", "received");
    }

    private void handle(String channel, JsonNode event) {
        Instant at = Instant.ofEpochMilli(event.path("timestamp").asLong(System.currentTimeMillis()));
        JsonNode message = event.path("message");
        if (!message.isMissingNode() && !message.path("is_echo").asBoolean(false)) {
            String text = message.path("text").asString(message.has("attachments") ? "[attachment]" : "");
            inbox.receive(InboundMessage.text(channel, message.path("mid").asString(), channel,
                    event.path("sender").path("id").asString(), null, text, at));
        }
        for (JsonNode mid : event.path("delivery").path("mids")) {
            deliveries.update(channel, mid.asString(), "delivered", null, at);
        }
        watermark(channel, event, "delivery", "delivered", at);
        watermark(channel, event, "read", "read", at);
        if (event.path("read").has("mid")) { // Instagram names the message read
            deliveries.update(channel, event.path("read").path("mid").asString(), "read", null, at);
        }
    }

    /** "Everything sent to this customer up to then": the customer is the event's sender. */
    private void watermark(String channel, JsonNode event, String field, String status, Instant at) {
        JsonNode watermark = event.path(field).path("watermark");
        if (watermark.isNumber()) {
            watermarks.reached(channel, event.path("sender").path("id").asString(), status,
                    Instant.ofEpochMilli(watermark.asLong()), at);
        }
    }
}
