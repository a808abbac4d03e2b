package com.omnicanal.conversation.flow;

import com.omnicanal.events.conversation.ConversationResolved;
import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.support.inbox.Replayable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Driven by our own published events, so a crash between steps is retried from the broker, never lost: a customer's
 * message goes through {@link CustomerMessageFlow}; a resolved conversation frees its agent's capacity.
 */
@Configuration(proxyBeanMethods = false)
class InboundFlow {

    /** Replayable (its writes are keyed): no claim and no done mark per event, two store writes fewer per run. */
    @Bean
    Replayable.Batch<MessageReceived> customerMessage(CustomerMessageFlow flow) {
        return flow::handleAll;
    }

    @Bean
    Consumer<ConversationResolved> releaseOnResolve(com.omnicanal.conversation.routing.Router router) {
        return event -> router.release(event.conversationId(), Instant.now());
    }
}
