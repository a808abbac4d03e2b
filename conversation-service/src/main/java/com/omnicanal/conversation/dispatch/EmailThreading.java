package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.MailIds;
import com.omnicanal.conversation.inbox.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E-mail replies thread in the customer's mail client: our own Message-ID (naming the conversation and the message), In-Reply-To the
 * customer's latest mail in the conversation and References to every mail of it, so their answer comes back to it.
 */
@Component
class EmailThreading {

    private final Inbox inbox;
    private final String domain;

    EmailThreading(Inbox inbox, @Value("${omni.channels.email.message-id-domain:omnicanal.local}") String domain) {
        this.inbox = inbox;
        this.domain = domain;
    }

    /** {@code target} just opened has no mail yet: nothing to read. */
    Map<String, String> headers(String channel, Conversations.Target target, String messageId) {
        if (!channel.equals("email")) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", MailIds.forMessage(messageId, target.conversation().id(), domain));
        List<String> earlier = target.opened() ? List.of() : inbox.thread(target.conversation().id()).stream().filter(m -> "email".equals(m.channel()))
                .map(Message::headers).filter(h -> h != null && h.get("Message-ID") != null)
                .map(h -> h.get("Message-ID")).toList();
        if (!earlier.isEmpty()) {
            headers.put("In-Reply-To", earlier.getLast());
            headers.put("References", String.join(" ", earlier));
        }
        return headers;
    }
}
