package com.omnicanal.conversation.inbox;

import com.omnicanal.events.profile.ProfileErased;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/** Identity changes in profile-service invalidate what the inbox remembers about who wrote. */
@Configuration(proxyBeanMethods = false)
class ProfileChanges {

    @Bean
    Consumer<ProfileMerged> forgetMerged(Profiles profiles) {
        return e -> profiles.forget(e.mergedProfileId());
    }

    @Bean
    Consumer<ProfileUnmerged> forgetUnmerged(Profiles profiles) {
        return e -> profiles.forget(e.profileId());
    }

    @Bean
    Consumer<ProfileErased> forgetErased(Profiles profiles) {
        return e -> profiles.forget(e.profileId());
    }
}
