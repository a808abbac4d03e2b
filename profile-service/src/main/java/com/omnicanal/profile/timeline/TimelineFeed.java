package com.omnicanal.profile.timeline;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.events.profile.ConsentChanged;
import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;
import com.omnicanal.support.inbox.Replayable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timeline is a read model like any other: fed by events, this service's own first, the others' as they come.
 * Appends are idempotent per entry id, so these handlers need no processed-event claim.
 */
@Configuration(proxyBeanMethods = false)
class TimelineFeed {

    @Bean
    Replayable<ProfileCreated> timelineOnCreated(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.created(e));
    }

    @Bean
    Replayable<ActivityRecorded> timelineOnActivity(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.activity(e));
    }

    @Bean
    Replayable<ConsentChanged> timelineOnConsent(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.consent(e));
    }

    @Bean
    Replayable<ProfileMerged> timelineOnMerge(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.merged(e));
    }

    @Bean
    Replayable<MessageReceived> timelineOnMessage(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.message(e));
    }

    @Bean
    Replayable<ProfileUnmerged> timelineOnUnmerge(Timeline timeline) {
        return e -> timeline.append(e.profileId(), TimelineEntries.unmerged(e));
    }
}
