package com.omnicanal.conversation.telegram;

import com.omnicanal.conversation.channel.CustomerSimulator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The sandbox's Telegram: Bot API updates with the webhook's secret token; Telegram has no status callbacks. */
@Component
class TelegramSimulator implements CustomerSimulator {

    private final TelegramProperties properties;
    private final JsonMapper json;

    TelegramSimulator(TelegramProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String channel() {
        return "telegram";
    }

    @Override
    public SimulatedRequest inbound(String from, String name, String text, Map<String, String> extra) {
        long id = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        Map<String, Object> update = Map.of("update_id", id, "message", Map.of("message_id", id,
                "from", Map.of("id", Long.parseLong(from), "is_bot", false, "first_name", name == null ? "Sandbox" : name),
                "chat", Map.of("id", Long.parseLong(from), "type", "private"),
                "date", Instant.now().getEpochSecond(), "text", text));
        return new SimulatedRequest("/webhooks/telegram", "application/json", json.writeValueAsBytes(update),
                Map.of("X-Telegram-Bot-Api-Secret-Token", properties.secretToken()));
    }

    @Override
    public SimulatedRequest status(String providerMessageId, String to, String status) {
        throw new UnsupportedOperationException("Telegram reports no delivery statuses to bots");
    }
}
