package com.omnicanal.conversation.feed;

import com.omnicanal.conversation.sla.SlaWarning;
import com.omnicanal.events.conversation.ConversationAssigned;
import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.conversation.SlaBreached;
import com.omnicanal.support.inbox.Replayable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.function.Consumer;

/** What the console hears about: each published event, pushed as it is handled (never failing the handling). */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    private final AgentFeed feed;

    FeedConfiguration(AgentFeed feed) {
        this.feed = feed;
    }

    /** Replayable, so message-received needs no claim: a redelivery after a crash may push the message twice. */
    @Bean
    Replayable<MessageReceived> feedMessages() {
        return e -> feed.publish(e.conversationId(), "message", e);
    }

    @Bean
    Consumer<ConversationAssigned> feedAssignments() {
        return e -> feed.publish(e.conversationId(), "assignment", e);
    }

    @Bean
    Consumer<SlaBreached> feedBreaches() {
        return e -> feed.publish(e.conversationId(), "sla-breached", e);
    }

    @EventListener
    void slaWarning(SlaWarning warning) {
        feed.publish(warning.conversationId(), "sla-warning", warning);
    }
}
