package com.omnicanal.profile.consent;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.support.inbox.BatchConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learned preference: every message the customer sends counts for the channel they chose to answer on. A delivery
 * batch is one read of its customers' status and one bulk of increments (a store failure half-way may count a reply
 * twice); no segment condition reads these counters, so the profiles are neither read whole nor re-segmented.
 */
@Configuration(proxyBeanMethods = false)
class LearnedPreference {

    @Bean
    BatchConsumer<MessageReceived> learnFromReplies(ProfileStore profiles) {
        return messages -> {
            Map<String, Map<String, Integer>> replies = new LinkedHashMap<>();
            messages.forEach(m -> replies.computeIfAbsent(m.profileId(), id -> new HashMap<>())
                    .merge("preferences.repliesByChannel." + m.channel(), 1, Integer::sum));
            profiles.countAll(replies);
        };
    }
}
