package com.omnicanal.conversation.console;

import com.omnicanal.conversation.inbox.Conversation;

import java.util.ArrayList;
import java.util.List;

/** An agent's reply goes where they say, else where the customer last wrote, then wherever else they may be reached. */
final class ReplyChannels {

    private static final List<String> ALL = List.of("whatsapp", "webchat", "sms", "email", "telegram", "messenger",
            "instagram");

    private ReplyChannels() {
    }

    static List<String> of(String requested, Conversation c) {
        if (requested != null) {
            return List.of(requested);
        }
        List<String> order = new ArrayList<>();
        if (c.lastInboundChannel() != null && ALL.contains(c.lastInboundChannel())) {
            order.add(c.lastInboundChannel());
        }
        ALL.stream().filter(ch -> !order.contains(ch)).forEach(order::add);
        return order;
    }
}
