package com.omnicanal.conversation.telegram;

import com.omnicanal.conversation.channel.ChannelConnector;
import com.omnicanal.conversation.channel.ChannelException;
import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderCalls;
import com.omnicanal.conversation.channel.ProviderReceipt;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/** Live sending through the Bot API's {@code sendMessage}; Telegram reports no delivery statuses to bots. */
@Component
class TelegramBotApi implements ChannelConnector {

    private final TelegramProperties properties;
    private final RestClient telegram;

    TelegramBotApi(TelegramProperties properties) {
        this.properties = properties;
        this.telegram = ProviderCalls.client(properties.baseUrl());
    }

    @Override
    public String channel() {
        return "telegram";
    }

    @Override
    public ProviderReceipt send(OutboundMessage message) {
        if (properties.botToken() == null || properties.botToken().isBlank()) {
            throw new ChannelException("Telegram is live but the bot token is not configured");
        }
        JsonNode answer = ProviderCalls.call("Telegram Bot API", () -> telegram.post()
                .uri("/bot{token}/sendMessage", properties.botToken()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("chat_id", message.address(), "text", message.text())).retrieve().body(JsonNode.class));
        if (!answer.path("ok").asBoolean(false)) {
            throw new ChannelException("Telegram refused: " + answer.path("description").asString());
        }
        JsonNode result = answer.path("result");
        return new ProviderReceipt(result.path("chat").path("id").asString() + ":" + result.path("message_id").asString());
    }
}
