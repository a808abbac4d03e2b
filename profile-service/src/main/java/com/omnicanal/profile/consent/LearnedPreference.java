package com.omnicanal.profile.consent;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.profile.customer.ContactPreferences;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import com.omnicanal.support.inbox.BatchConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The learned preference: every message the customer sends counts for the channel they chose to answer on. A delivery
 * batch is one read of its customers and one bulk of increments (a store failure half-way may count a reply twice).
 */
@Configuration(proxyBeanMethods = false)
class LearnedPreference {

    @Bean
    BatchConsumer<MessageReceived> learnFromReplies(ProfileStore profiles) {
        return messages -> {
            Map<String, Map<String, Integer>> replies = new LinkedHashMap<>();
            messages.forEach(m -> replies.computeIfAbsent(m.profileId(), id -> new HashMap<>())
                    .merge(m.channel(), 1, Integer::sum));
            Map<String, Profile> active = new LinkedHashMap<>();
            profiles.findAll(replies.keySet()).forEach((id, p) -> {
                if (p.isActive()) {
                    active.put(id, p);
                }
            });
            Map<String, Function<Profile, Change>> changes = new LinkedHashMap<>();
            active.keySet().forEach(id -> changes.put(id, p -> counted(replies.get(id))));
            profiles.updateAll(active, changes);
        };
    }

    private static Change counted(Map<String, Integer> byChannel) {
        Update update = new Update();
        byChannel.forEach((channel, count) -> update.inc("preferences.repliesByChannel." + channel, count));
        ContactPreferences more = new ContactPreferences(null, null, null, false, byChannel);
        return new Change(update, List.of(), p -> p.withPreferences(ContactPreferences.combine(p.preferences(), more)));
    }
}
