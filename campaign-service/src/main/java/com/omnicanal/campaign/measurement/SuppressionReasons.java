package com.omnicanal.campaign.measurement;

import java.util.List;
import java.util.Map;

/** Names the reason of a suppression from the decisions dispatch (or the journey) recorded, most specific first. */
final class SuppressionReasons {

    private static final List<Map.Entry<String, String>> CLUES = List.of(Map.entry("complaint", "complaint"),
            Map.entry("contact-pressure budget", "budget"), Map.entry("provider's limit", "throttle"),
            Map.entry("quiet-hours", "quiet-hours"),
            Map.entry("send window", "send-window"), Map.entry("24-hour window", "window"),
            Map.entry("do-not-contact", "do-not-contact"), Map.entry("consent", "consent"),
            Map.entry("no-address", "no-address"));

    private SuppressionReasons() {
    }

    static String of(List<String> decisions) {
        String all = String.join(" ", decisions);
        return CLUES.stream().filter(c -> all.contains(c.getKey())).map(Map.Entry::getValue).findFirst().orElse("other");
    }
}
