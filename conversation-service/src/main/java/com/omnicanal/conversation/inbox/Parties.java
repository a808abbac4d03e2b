package com.omnicanal.conversation.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer's side of a message as identifier keys ({@code type:value}, profile-service's key format): who wrote
 * an inbound one, whom an outbound one went to. Kept on the message so an undone merge can tell whose it is.
 */
final class Parties {

    private Parties() {
    }

    /** The sender's identifiers, as the connector proved them. */
    static List<String> of(List<InboundMessage.SenderId> sender) {
        return sender == null ? null : sender.stream().map(id -> key(id.type(), id.value())).distinct().toList();
    }

    /** The address an outbound message went to; a web chat address is a signed-in subject or a visitor's session. */
    static List<String> to(String channel, String address) {
        if (address == null) {
            return null;
        }
        return switch (channel) {
            case "webchat" -> List.of(key("keycloak", address), key("web", address));
            case "sms" -> List.of(key("phone", address));
            default -> List.of(key(channel, address));
        };
    }

    /** Keys compared the way profile-service stores them: WhatsApp and SMS numbers are phones, e-mail lower case. */
    static Set<String> normalized(Collection<String> keys) {
        return keys.stream().map(k -> {
            int colon = k.indexOf(':');
            return colon < 0 ? k : key(k.substring(0, colon), k.substring(colon + 1));
        }).collect(Collectors.toSet());
    }

    static String key(String type, String value) {
        String canonical = type.equals("whatsapp") ? "phone" : type;
        String v = value == null ? "" : value;
        return canonical + ":" + switch (canonical) {
            case "phone" -> "+" + v.replaceAll("\\D", "");
            case "email" -> v.trim().toLowerCase(Locale.ROOT);
            default -> v;
        };
    }

    /** Whether any of a message's keys is among {@code keys} (already {@link #normalized}). */
    static boolean anyIn(List<String> parties, Set<String> keys) {
        return parties != null && parties.stream().anyMatch(keys::contains);
    }
}
