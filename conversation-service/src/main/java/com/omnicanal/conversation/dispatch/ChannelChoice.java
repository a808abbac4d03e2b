package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.channel.Interactive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders the channels a message may take, best first, from what reachability allows: WhatsApp free-form (or
 * interactive) only inside 24 hours of the customer's last WhatsApp message, else an approved template, else the next
 * channel. Every step is written down, so "why this channel?" has an answer.
 */
final class ChannelChoice {

    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    record Choice(String channel, String address, String kind, String reason) {

        /** How a request's tappable choices go here: {@code buttons}/{@code list}, in a template, or as text. */
        String form(Interactive interactive) {
            if (interactive == null) {
                return null;
            }
            return switch (kind) {
                case "interactive" -> interactive.form();
                case "template" -> "template";
                default -> "text";
            };
        }
    }

    private ChannelChoice() {
    }

    static List<Choice> candidates(DispatchRequest request, boolean approvedTemplate, ReachabilityClient.Reachability reach,
                                   Map<String, Instant> lastInbound, Instant now, List<String> decisions) {
        reach.blocked().forEach(b -> decisions.add(b.channel() + ": not allowed (" + String.join(", ", b.reasons()) + ")"));
        List<Choice> choices = new ArrayList<>();
        for (ReachabilityClient.Allowed candidate : ordered(reach.allowed(), request.channels(), decisions)) {
            if (!candidate.channel().equals("whatsapp")) {
                choices.add(new Choice(candidate.channel(), candidate.address(), "free-form", candidate.rank()));
                continue;
            }
            Instant last = lastInbound.get("whatsapp");
            if (last != null && last.isAfter(now.minus(WHATSAPP_WINDOW))) {
                String kind = request.interactive() == null ? "free-form" : "interactive";
                choices.add(new Choice("whatsapp", candidate.address(), kind,
                        kind + " inside the 24-hour window (customer wrote at " + last + ")"));
            } else if (approvedTemplate) {
                choices.add(new Choice("whatsapp", candidate.address(), "template",
                        "approved template '" + request.template() + "' (outside the 24-hour window)"));
            } else {
                decisions.add("whatsapp: skipped, outside the 24-hour window and no approved template");
            }
        }
        return choices;
    }

    /** The caller's preferred channels first (in its order), restricted to what is allowed; else reachability's order. */
    private static List<ReachabilityClient.Allowed> ordered(List<ReachabilityClient.Allowed> allowed,
                                                            List<String> preferred, List<String> decisions) {
        if (preferred.isEmpty()) {
            return allowed;
        }
        List<ReachabilityClient.Allowed> result = new ArrayList<>(allowed.stream()
                .filter(a -> preferred.contains(a.channel())).toList());
        result.sort(Comparator.comparingInt(a -> preferred.indexOf(a.channel())));
        allowed.stream().filter(a -> !preferred.contains(a.channel()))
                .forEach(a -> decisions.add(a.channel() + ": allowed but not among the requested channels"));
        return result;
    }
}
