package com.omnicanal.conversation.inbox;

import com.omnicanal.events.profile.ProfileErased;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/** Identity changes in profile-service invalidate what the inbox remembers about who wrote; an unmerge gives back. */
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

    /** Claimed: a redelivery after a crash finishes the move (every step is keyed, the done-marker written last). */
    @Bean
    Consumer<ProfileUnmerged> giveBackUnmerged(Unmerges unmerges) {
        return unmerges::giveBack;
    }

    @Bean
    Consumer<ProfileErased> forgetErased(Profiles profiles) {
        return e -> profiles.forget(e.profileId());
    }
}
