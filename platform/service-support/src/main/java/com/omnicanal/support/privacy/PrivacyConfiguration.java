package com.omnicanal.support.privacy;

import com.omnicanal.events.profile.ProfileErased;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.function.Consumer;

/**
 * Privacy for a service that publishes and holds personal data: erase on {@code profile.erased}, then confirm; show
 * what its {@link ExportParticipant}s hold for a person's export.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(EventOutbox.class)
public class PrivacyConfiguration {

    @Bean
    Consumer<ProfileErased> eraseOnRequest(ObjectProvider<ErasureParticipant> participants, EventOutbox outbox,
                                           MongoTemplate mongo, @Value("${spring.application.name}") String service) {
        return event -> new Erasure(participants.orderedStream().toList(), outbox, mongo, service).erase(event);
    }

    /** The service's part of a person's privacy export, when a feature of it holds personal data to show. */
    @Bean
    @ConditionalOnBean(ExportParticipant.class)
    PrivacyExportController privacyExportController(ObjectProvider<ExportParticipant> participants,
                                                    @Value("${spring.application.name}") String service) {
        return new PrivacyExportController(participants.orderedStream().toList(), service);
    }
}
