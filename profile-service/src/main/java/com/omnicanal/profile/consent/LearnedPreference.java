package com.omnicanal.profile.consent;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.function.Consumer;

/** The learned preference: every message the customer sends counts for the channel they chose to answer on. */
@Configuration(proxyBeanMethods = false)
class LearnedPreference {

    @Bean
    Consumer<MessageReceived> learnFromReplies(ProfileStore profiles) {
        return message -> profiles.find(message.profileId()).filter(p -> p.isActive()).ifPresent(p ->
                profiles.update(p.id(), current -> new Change(new Update().inc(
                        "preferences.repliesByChannel." + message.channel(), 1), List.of())));
    }
}
