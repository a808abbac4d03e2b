package com.omnicanal.conversation.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template as users define it: {@code kind} "canned" (an agent's quick reply) or "message" (sent by the
 * platform), the text per language, and, for WhatsApp, the Meta-approved template it maps to.
 * Nothing is checked here; {@link TemplateRenderer#validate} names every mistake.
 */
record TemplateDefinition(String kind, Map<String, Localized> languages, WhatsAppTemplate whatsapp) {

    TemplateDefinition {
        // insertion order matters: the first language is the last resort
        languages = languages == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(languages));
    }

    /** The text in one language; {@code channelBodies} replaces the body on some channels, e.g. a short "sms". */
    record Localized(String subject, String body, Map<String, String> channelBodies) {

        Localized {
            channelBodies = channelBodies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(channelBodies));
        }
    }

    /** The approved WhatsApp template; {@code parameters} names the variables for {{1}}, {{2}}, … in order. */
    record WhatsAppTemplate(String name, boolean approved, List<String> parameters) {

        WhatsAppTemplate {
            parameters = parameters == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }
}
