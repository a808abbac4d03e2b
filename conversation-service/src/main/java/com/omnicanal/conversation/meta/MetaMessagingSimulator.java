package com.omnicanal.conversation.meta;

import com.omnicanal.conversation.channel.CustomerSimulator;
import com.omnicanal.conversation.channel.MetaSignature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The sandbox's Messenger or Instagram: {@code entry[].messaging[]} events signed with the app secret. */
class MetaMessagingSimulator implements CustomerSimulator {

    private final String channel;
    private final MetaAppsProperties.App app;
    private final JsonMapper json;

    MetaMessagingSimulator(String channel, MetaAppsProperties.App app, JsonMapper json) {
        this.channel = channel;
        this.app = app;
        this.json = json;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public SimulatedRequest inbound(String from, String name, String text, Map<String, String> extra) {
        return signed(Map.of("sender", Map.of("id", from), "recipient", Map.of("id", "SANDBOX_PAGE"),
                "timestamp", System.currentTimeMillis(),
                "message", Map.of("mid", "m_sbx" + UUID.randomUUID().toString().replace("-", ""), "text", text)));
    }

    @Override
    public SimulatedRequest status(String providerMessageId, String to, String status) {
        if (!status.equals("delivered")) {
            throw new UnsupportedOperationException(channel + " reports only deliveries by message id");
        }
        return signed(Map.of("sender", Map.of("id", to), "recipient", Map.of("id", "SANDBOX_PAGE"),
                "timestamp", System.currentTimeMillis(),
                "delivery", Map.of("mids", List.of(providerMessageId), "watermark", System.currentTimeMillis())));
    }

    private SimulatedRequest signed(Map<String, Object> event) {
        Map<String, Object> payload = Map.of("object", channel.equals("instagram") ? "instagram" : "page",
                "entry", List.of(Map.of("id", "SANDBOX_PAGE", "time", System.currentTimeMillis(), "messaging", List.of(event))));
        byte[] body = json.writeValueAsBytes(payload);
        return new SimulatedRequest("/webhooks/" + channel, "application/json", body,
                Map.of("X-Hub-Signature-256", MetaSignature.sign(body, app.appSecret() == null ? "" : app.appSecret())));
    }
}
