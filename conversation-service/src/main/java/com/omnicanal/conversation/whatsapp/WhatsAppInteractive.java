package com.omnicanal.conversation.whatsapp;

import com.omnicanal.conversation.channel.Interactive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Cloud API's {@code interactive} object: reply buttons, or a list with one section of rows. */
final class WhatsAppInteractive {

    private WhatsAppInteractive() {
    }

    static Map<String, Object> of(Interactive interactive) {
        boolean buttons = "buttons".equals(interactive.form());
        Map<String, Object> action = buttons
                ? Map.of("buttons", interactive.choices().stream().map(WhatsAppInteractive::button).toList())
                : Map.of("button", interactive.buttonOrDefault(), "sections", List.of(Map.of(
                        "title", interactive.buttonOrDefault(), // required with several sections; harmless with one
                        "rows", interactive.choices().stream().map(WhatsAppInteractive::row).toList())));
        return Map.of("type", buttons ? "button" : "list", "body", Map.of("text", interactive.body()), "action", action);
    }

    private static Map<String, Object> button(Interactive.Choice choice) {
        return Map.of("type", "reply", "reply", Map.of("id", choice.id(), "title", choice.title()));
    }

    private static Map<String, Object> row(Interactive.Choice choice) {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("id", choice.id(), "title", choice.title()));
        if (choice.description() != null) {
            row.put("description", choice.description());
        }
        return row;
    }
}
