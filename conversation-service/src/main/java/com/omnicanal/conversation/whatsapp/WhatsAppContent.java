package com.omnicanal.conversation.whatsapp;

import com.omnicanal.conversation.channel.OutboundMessage.Attachment;
import com.omnicanal.conversation.inbox.InboundMessage;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** What a WhatsApp message says: text, a button or list reply (title and id), or media (kept as an attachment). */
final class WhatsAppContent {

    private static final List<String> MEDIA = List.of("image", "audio", "video", "document", "sticker");

    private WhatsAppContent() {
    }

    static String text(JsonNode message) {
        String type = message.path("type").asString();
        return switch (type) {
            case "text" -> message.path("text").path("body").asString("");
            case "button" -> message.path("button").path("text").asString("");
            case "interactive" -> reply(message).path("title").asString("");
            default -> MEDIA.contains(type) ? message.path(type).path("caption").asString("[" + type + "]") : "[" + type + "]";
        };
    }

    private static JsonNode reply(JsonNode message) {
        JsonNode interactive = message.path("interactive");
        return interactive.has("button_reply") ? interactive.path("button_reply") : interactive.path("list_reply");
    }

    static InboundMessage.Details details(JsonNode message) {
        String type = message.path("type").asString();
        List<Attachment> attachments = MEDIA.contains(type)
                ? List.of(new Attachment(message.path(type).path("filename").asString(type),
                        message.path(type).path("mime_type").asString("application/octet-stream"), 0,
                        "whatsapp-media:" + message.path(type).path("id").asString()))
                : List.of();
        return new InboundMessage.Details(MEDIA.contains(type) ? "media" : "text", null, attachments, Map.of(), null,
                "inbound", replyId(message));
    }

    /** The tapped button's or row's id (a template's quick reply: its payload), so a tap is understood by id. */
    private static String replyId(JsonNode message) {
        String id = "button".equals(message.path("type").asString()) ? message.path("button").path("payload").asString(null)
                : reply(message).path("id").asString(null);
        return id == null || id.isEmpty() ? null : id;
    }
}
