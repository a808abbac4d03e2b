package com.omnicanal.conversation.whatsapp;

import com.omnicanal.conversation.channel.CustomerSimulator;
import com.omnicanal.conversation.channel.Interactive;
import com.omnicanal.conversation.channel.MetaSignature;
import com.omnicanal.conversation.channel.SandboxConnector;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The sandbox's WhatsApp: Cloud API webhook payloads for messages and statuses, signed with the app secret. */
@Component
class WhatsAppSimulator implements CustomerSimulator {

    private final WhatsAppProperties properties;
    private final JsonMapper json;

    WhatsAppSimulator(WhatsAppProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String channel() {
        return "whatsapp";
    }

    @Override
    public SimulatedRequest inbound(String from, String name, String text, Map<String, String> extra) {
        String waId = from.replace("+", "");
        Map<String, Object> message = Map.of("from", waId, "id", newMessageId(),
                "timestamp", String.valueOf(Instant.now().getEpochSecond()), "type", "text", "text", Map.of("body", text));
        return signed(value(Map.of("contacts", List.of(Map.of("wa_id", waId, "profile", Map.of("name", name == null ? waId : name))),
                "messages", List.of(message))));
    }

    /** Meta's interactive reply: {@code button_reply} or {@code list_reply} as the message showed, in its context. */
    @Override
    public SimulatedRequest tap(String from, SandboxConnector.Kept message, Interactive.Choice choice) {
        String waId = from.replace("+", "");
        String type = "buttons".equals(message.form()) ? "button_reply" : "list_reply";
        Map<String, Object> reply = new LinkedHashMap<>(Map.of("id", choice.id(), "title", choice.title()));
        if (choice.description() != null && type.equals("list_reply")) {
            reply.put("description", choice.description());
        }
        Map<String, Object> tapped = Map.of("context", Map.of("from", "15550000000", "id", message.providerMessageId()),
                "from", waId, "id", newMessageId(), "timestamp", String.valueOf(Instant.now().getEpochSecond()),
                "type", "interactive", "interactive", Map.of("type", type, type, reply));
        return signed(value(Map.of("contacts", List.of(Map.of("wa_id", waId, "profile", Map.of("name", waId))),
                "messages", List.of(tapped))));
    }

    @Override
    public SimulatedRequest status(String providerMessageId, String to, String status) {
        Map<String, Object> entry = Map.of("id", providerMessageId, "status", status, "recipient_id", to.replace("+", ""),
                "timestamp", String.valueOf(Instant.now().getEpochSecond()));
        return signed(value(Map.of("statuses", List.of(entry))));
    }

    private static String newMessageId() {
        return "wamid.SBX" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, Object> value(Map<String, Object> content) {
        Map<String, Object> value = new LinkedHashMap<>(Map.of("messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", "15550000000", "phone_number_id", "SANDBOX")));
        value.putAll(content);
        return Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "SANDBOX_WABA",
                "changes", List.of(Map.of("field", "messages", "value", value)))));
    }

    private SimulatedRequest signed(Map<String, Object> payload) {
        byte[] body = json.writeValueAsBytes(payload);
        return new SimulatedRequest("/webhooks/whatsapp", "application/json", body,
                Map.of("X-Hub-Signature-256", MetaSignature.sign(body, properties.appSecret())));
    }
}
