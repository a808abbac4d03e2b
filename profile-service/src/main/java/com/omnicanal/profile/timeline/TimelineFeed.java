package com.omnicanal.profile.timeline;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.events.profile.ConsentChanged;
import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/** The timeline is a read model like any other: fed by events, this service's own first, the others' as they come. */
@Configuration(proxyBeanMethods = false)
class TimelineFeed {

    @Bean
    Consumer<ProfileCreated> timelineOnCreated(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.created(e));
    }

    @Bean
    Consumer<ActivityRecorded> timelineOnActivity(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.activity(e));
    }

    @Bean
    Consumer<ConsentChanged> timelineOnConsent(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.consent(e));
    }

    @Bean
    Consumer<ProfileMerged> timelineOnMerge(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.merged(e));
    }

    @Bean
    Consumer<MessageReceived> timelineOnMessage(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.message(e));
    }

    @Bean
    Consumer<ProfileUnmerged> timelineOnUnmerge(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.unmerged(e));
    }
}
