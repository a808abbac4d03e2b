package com.omnicanal.support.contacts;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUpdated;
import com.omnicanal.support.inbox.Replayable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.function.Consumer;

/** The contact read model for a service that sets {@code omni.contacts.path}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("omni.contacts.path")
public class ContactsConfiguration {

    @Bean
    ContactCards contactCards(MongoTemplate mongo) {
        return new ContactCards(mongo);
    }

    /** Versioned, so a repeated or late event changes nothing: no claim, and a run written in one bulk. */
    @Bean
    Replayable.Batch<ProfileCreated> contactCreated(ContactCards cards) {
        return events -> cards.applyAll(events.stream().map(ContactCards::created).toList());
    }

    @Bean
    Replayable.Batch<ProfileUpdated> contactUpdated(ContactCards cards) {
        return events -> cards.applyAll(events.stream().map(ContactCards::updated).toList());
    }

    @Bean
    Consumer<ProfileMerged> contactMerged(ContactCards cards) {
        return cards::merged;
    }

    @Bean
    ContactCardController contactCardController(ContactCards cards) {
        return new ContactCardController(cards);
    }
}
