package com.omnicanal.profile.timeline;

import com.omnicanal.events.profile.ActivityRecorded;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Activities reach the timeline from the request that records them, in its own bulk write, instead of through the
 * broker and back: the request has every entry already. Appending is idempotent, so a resent activity may append again.
 */
@Component
public class ActivityTimeline {

    private final Timeline timeline;

    ActivityTimeline(Timeline timeline) {
        this.timeline = timeline;
    }

    public void append(List<ActivityRecorded> recorded) {
        timeline.appendAll(recorded.stream().map(e -> new Timeline.Append(e.profileId(), TimelineEntries.activity(e)))
                .toList());
    }
}
