package com.omnicanal.conversation.flow;

import com.omnicanal.conversation.complaint.ComplaintRules;
import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.Message;
import com.omnicanal.conversation.routing.Router;
import com.omnicanal.events.conversation.ConversationResolved;
import com.omnicanal.events.conversation.MessageReceived;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Driven by our own published events (so a crash between steps is retried, never lost): a customer's message runs
 * the complaint keyword rule, then routing puts the conversation in front of an agent if it needs one.
 */
@Configuration(proxyBeanMethods = false)
class InboundFlow {

    /** Records, not requests: a call log or a store visit needs no agent to pick it up. */
    private static final Set<String> RECORD_ONLY = Set.of("phone", "store");

    @Bean
    Consumer<MessageReceived> routeInbound(Inbox inbox, Conversations conversations, ComplaintRules complaints,
                                           Router router) {
        return event -> {
            Message message = inbox.message(event.messageId()).orElse(null);
            Conversation c = conversations.find(event.conversationId()).orElse(null);
            if (message == null || c == null || RECORD_ONLY.contains(event.channel())) {
                return;
            }
            complaints.apply(c, message);
            Conversation now = conversations.find(c.id()).orElseThrow();
            if ("open".equals(now.status())) {
                router.enqueue(now, event.channel(), Instant.now());
            }
        };
    }

    @Bean
    Consumer<ConversationResolved> releaseOnResolve(Router router) {
        return event -> router.release(event.conversationId(), Instant.now());
    }
}
