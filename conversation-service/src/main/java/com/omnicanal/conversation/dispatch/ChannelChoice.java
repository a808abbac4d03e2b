package com.omnicanal.conversation.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the channel for a message from the channels reachability allows, best first: WhatsApp free-form only
 * inside 24 hours of the customer's last WhatsApp message, else an approved template, else the next channel.
 * Every step is written down, so "why this channel?" has an answer.
 */
final class ChannelChoice {

    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    record Choice(String channel, String kind, List<String> decisions) {
    }

    private ChannelChoice() {
    }

    static Optional<Choice> choose(DispatchRequest request, ReachabilityClient.Reachability reach,
                                   Map<String, Instant> lastInbound, Instant now, List<String> decisions) {
        List<ReachabilityClient.Allowed> candidates = ordered(reach.allowed(), request.channels());
        reach.blocked().forEach(b -> decisions.add(b.channel() + ": not allowed (" + String.join(", ", b.reasons()) + ")"));
        for (ReachabilityClient.Allowed candidate : candidates) {
            if (!candidate.channel().equals("whatsapp")) {
                decisions.add(candidate.channel() + ": chosen (" + candidate.rank() + ")");
                return Optional.of(new Choice(candidate.channel(), "free-form", decisions));
            }
            Instant last = lastInbound.get("whatsapp");
            if (last != null && last.isAfter(now.minus(WHATSAPP_WINDOW))) {
                decisions.add("whatsapp: chosen, free-form inside the 24-hour window (customer wrote at " + last + ")");
                return Optional.of(new Choice("whatsapp", "free-form", decisions));
            }
            if (request.template() != null) {
                decisions.add("whatsapp: chosen, approved template '" + request.template() + "' (outside the 24-hour window)");
                return Optional.of(new Choice("whatsapp", "template", decisions));
            }
            decisions.add("whatsapp: skipped, outside the 24-hour window and no approved template");
        }
        return Optional.empty();
    }

    /** The caller's preferred channels first (in its order), restricted to what is allowed; else reachability's order. */
    private static List<ReachabilityClient.Allowed> ordered(List<ReachabilityClient.Allowed> allowed, List<String> preferred) {
        if (preferred == null || preferred.isEmpty()) {
            return allowed;
        }
        List<ReachabilityClient.Allowed> result = new ArrayList<>(allowed.stream()
                .filter(a -> preferred.contains(a.channel())).toList());
        result.sort(Comparator.comparingInt(a -> preferred.indexOf(a.channel())));
        return result;
    }
}
