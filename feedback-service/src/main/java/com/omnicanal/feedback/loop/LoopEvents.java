package com.omnicanal.feedback.loop;

import com.omnicanal.events.conversation.MessageSent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/** An agent's reply ({@code reply:} requests: the console's) on a recovery case's conversation is its first contact. */
@Configuration(proxyBeanMethods = false)
class LoopEvents {

    @Bean
    com.omnicanal.support.privacy.ErasureParticipant forgetLoopCases(Loop loop) {
        return loop::forget;
    }

    @Bean
    Consumer<MessageSent> loopFirstContacts(Loop loop) {
        return event -> {
            if (event.requestId() != null && event.requestId().startsWith("reply:")) {
                loop.agentMessage(event.conversationId(), event.sentAt());
            }
        };
    }
}
