package com.omnicanal.conversation.whatsapp;

import com.omnicanal.conversation.channel.ChannelConnector;
import com.omnicanal.conversation.channel.ChannelException;
import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderCalls;
import com.omnicanal.conversation.channel.ProviderReceipt;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live sending through the WhatsApp Cloud API ({@code POST /{version}/{phone-number-id}/messages}): text, media by
 * link, an interactive message (reply buttons or a list) or an approved template with its body parameters.
 */
@Component
class WhatsAppCloudApi implements ChannelConnector {

    private final WhatsAppProperties properties;
    private final RestClient graph;

    WhatsAppCloudApi(WhatsAppProperties properties) {
        this.properties = properties;
        this.graph = ProviderCalls.client(properties.baseUrl());
    }

    @Override
    public String channel() {
        return "whatsapp";
    }

    @Override
    public ProviderReceipt send(OutboundMessage message) {
        if (properties.phoneNumberId() == null || properties.accessToken() == null) {
            throw new ChannelException("WhatsApp is live but its phone number id or access token is not configured");
        }
        JsonNode answer = ProviderCalls.call("WhatsApp Cloud API", () -> graph.post()
                .uri("/{version}/{phone}/messages", properties.apiVersion(), properties.phoneNumberId())
                .header("Authorization", "Bearer " + properties.accessToken())
                .contentType(MediaType.APPLICATION_JSON).body(body(message)).retrieve().body(JsonNode.class));
        return new ProviderReceipt(answer.path("messages").path(0).path("id").asString());
    }

    static Map<String, Object> body(OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", message.address().replace("+", ""));
        if ("template".equals(message.kind())) {
            List<Map<String, String>> parameters = message.templateParameters().stream()
                    .map(p -> Map.of("type", "text", "text", p)).toList();
            body.put("type", "template");
            body.put("template", Map.of("name", message.template(), "language", Map.of("code", message.language()),
                    "components", List.of(Map.of("type", "body", "parameters", parameters))));
        } else if ("interactive".equals(message.kind())) {
            body.put("type", "interactive");
            body.put("interactive", WhatsAppInteractive.of(message.interactive()));
        } else if (!message.attachments().isEmpty()) {
            OutboundMessage.Attachment file = message.attachments().getFirst();
            String type = file.contentType().startsWith("image/") ? "image" : "document";
            body.put("type", type);
            body.put(type, Map.of("link", file.url(), "caption", message.text() == null ? "" : message.text()));
        } else {
            body.put("type", "text");
            body.put("text", Map.of("preview_url", true, "body", message.text()));
        }
        return body;
    }
}
