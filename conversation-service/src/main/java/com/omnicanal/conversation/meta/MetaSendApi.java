package com.omnicanal.conversation.meta;

import com.omnicanal.conversation.channel.ChannelConnector;
import com.omnicanal.conversation.channel.ChannelException;
import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderCalls;
import com.omnicanal.conversation.channel.ProviderReceipt;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Live sending through Meta's Send API ({@code POST /{version}/me/messages}) for Messenger or Instagram. Agent
 * replies carry the {@code HUMAN_AGENT} tag, which Meta allows for 7 days after the customer's last message.
 */
class MetaSendApi implements ChannelConnector {

    private final String channel;
    private final MetaAppsProperties.App app;

    MetaSendApi(String channel, MetaAppsProperties.App app) {
        this.channel = channel;
        this.app = app;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public ProviderReceipt send(OutboundMessage message) {
        if (app.pageAccessToken() == null || app.pageAccessToken().isBlank()) {
            throw new ChannelException(channel + " is live but its page access token is not configured");
        }
        Map<String, Object> body = Map.of("recipient", Map.of("id", message.address()),
                "messaging_type", "MESSAGE_TAG", "tag", "HUMAN_AGENT", "message", Map.of("text", message.text()));
        JsonNode answer = ProviderCalls.call("Meta Send API", () -> ProviderCalls.client(app.baseUrl()).post()
                .uri("/{version}/me/messages?access_token={token}", app.apiVersion(), app.pageAccessToken())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        return new ProviderReceipt(answer.path("message_id").asString());
    }
}
