package com.omnicanal.profile.privacy;

import com.omnicanal.events.privacy.ErasureConfirmed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/** Confirmations from the other services complete erasure requests. */
@Configuration(proxyBeanMethods = false)
class PrivacyFeed {

    @Bean
    Consumer<ErasureConfirmed> erasureConfirmed(Erasures erasures) {
        return erasures::confirmed;
    }
}
