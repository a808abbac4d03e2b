package com.omnicanal.profile.consent;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.support.inbox.Replayable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The learned preference: every message the customer sends counts for the channel they chose to answer on. A delivery
 * batch is one projected read of its customers and one bulk of guarded increments, each message counted once by its
 * id (the profile keeps its last few): replayable, so with the timeline's append, a message-received event is no
 * longer claimed in the processed-event store (two store writes per message fewer). The profiles are neither read
 * whole nor re-segmented: no segment condition reads these counters.
 */
@Configuration(proxyBeanMethods = false)
class LearnedPreference {

    @Bean
    Replayable.Batch<MessageReceived> learnFromReplies(ProfileStore profiles) {
        return messages -> profiles.countOnce(messages.stream().map(m -> new ProfileStore.Count(m.profileId(),
                "preferences.repliesByChannel." + m.channel(), m.messageId())).toList());
    }
}
