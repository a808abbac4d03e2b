package com.omnicanal.conversation.telegram;

import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;

/**
 * Telegram Bot API webhook: every update carries the secret token set with {@code setWebhook}
 * ({@code X-Telegram-Bot-Api-Secret-Token}); without it nothing is read or stored (401).
 */
@RestController
class TelegramWebhook {

    private final TelegramProperties properties;
    private final Inbox inbox;

    TelegramWebhook(TelegramProperties properties, Inbox inbox) {
        this.properties = properties;
        this.inbox = inbox;
    }

    @PostMapping("/webhooks/telegram")
    Map<String, String> receive(@RequestBody JsonNode update,
                                @RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false) String token) {
        String secret = properties.secretToken();
        if (secret == null || secret.isBlank() || token == null || !MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid secret token");
        }
        JsonNode message = update.path("message");
        if (!message.isMissingNode()) {
            String chat = message.path("chat").path("id").asString();
            inbox.receive(InboundMessage.text("telegram", chat + ":" + message.path("message_id").asString(), "telegram",
                    message.path("from").path("id").asString(), message.path("from").path("first_name").asString(null),
                    message.path("text").asString("[non-text message]"),
                    Instant.ofEpochSecond(message.path("date").asLong(Instant.now().getEpochSecond()))));
        }
        return Map.of("status", "received");
    }
}
