package com.omnicanal.profile.timeline;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.profile.ConsentChanged;
import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;
import com.omnicanal.support.inbox.Replayable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * The timeline is a read model like any other: fed by events, this service's own first, the others' as they come
 * (activities excepted: the request that records them appends them, see {@link ActivityTimeline}). Appends are
 * idempotent per entry id, so these handlers need no processed-event claim, and a run of events is appended in one bulk.
 */
@Configuration(proxyBeanMethods = false)
class TimelineFeed {

    @Bean
    Replayable.Batch<ProfileCreated> timelineOnCreated(Timeline timeline) {
        return feed(timeline, ProfileCreated::profileId, TimelineEntries::created);
    }

    @Bean
    Replayable.Batch<ConsentChanged> timelineOnConsent(Timeline timeline) {
        return feed(timeline, ConsentChanged::profileId, TimelineEntries::consent);
    }

    @Bean
    Replayable.Batch<ProfileMerged> timelineOnMerge(Timeline timeline) {
        return feed(timeline, ProfileMerged::profileId, TimelineEntries::merged);
    }

    @Bean
    Replayable.Batch<MessageReceived> timelineOnMessage(Timeline timeline) {
        return feed(timeline, MessageReceived::profileId, TimelineEntries::message);
    }

    @Bean
    Replayable.Batch<ProfileUnmerged> timelineOnUnmerge(Timeline timeline) {
        return feed(timeline, ProfileUnmerged::profileId, TimelineEntries::unmerged);
    }

    private static <E> Replayable.Batch<E> feed(Timeline timeline, Function<E, String> profileId,
                                                Function<E, TimelineEntry> entry) {
        return events -> timeline.appendAll(events.stream()
                .map(e -> new Timeline.Append(profileId.apply(e), entry.apply(e))).toList());
    }
}
