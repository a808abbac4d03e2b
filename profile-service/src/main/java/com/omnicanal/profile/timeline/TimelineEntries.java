package com.omnicanal.profile.timeline;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.events.profile.ConsentChanged;
import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;

import java.util.TreeMap;
import java.util.Map;

/** How each event reads on a timeline; details never carry message bodies or full identifiers. */
final class TimelineEntries {

    private TimelineEntries() {
    }

    static TimelineEntry created(ProfileCreated e) {
        return new TimelineEntry("created:" + e.profileId(), e.occurredAt(), "profile.created", null, "profile",
                "Profile created", Map.of());
    }

    static TimelineEntry activity(ActivityRecorded e) {
        StringBuilder summary = new StringBuilder(e.type().replace('_', ' '));
        if (e.amount() != null) {
            summary.append(" of ").append(e.amount().toPlainString()).append(' ').append(e.currency());
        }
        if (e.orderId() != null) {
            summary.append(", order ").append(e.orderId());
        }
        if (e.storeId() != null) {
            summary.append(" at ").append(e.storeId());
        }
        Map<String, Object> details = new TreeMap<>(); // one field order: the idempotent append compares entries
        details.put("activityId", e.activityId());
        if (e.storeId() != null) {
            details.put("storeId", e.storeId());
        }
        return new TimelineEntry(e.activityId(), e.occurredAt(), e.type(), e.channel(), "profile",
                summary.toString(), details);
    }

    static TimelineEntry message(MessageReceived e) {
        return new TimelineEntry(e.messageId(), e.receivedAt(), "message.received", e.channel(), "conversation",
                "Message received on " + e.channel(), Map.of("conversationId", e.conversationId()));
    }

    static TimelineEntry consent(ConsentChanged e) {
        return new TimelineEntry("consent:" + e.profileId() + ":" + e.version(), e.occurredAt(), "consent", e.channel(),
                "profile", e.purpose() + " on " + e.channel() + ": " + e.state()
                + (e.previousState() == null ? "" : " (was " + e.previousState() + ")") + ", via " + e.source(), Map.of());
    }

    static TimelineEntry merged(ProfileMerged e) {
        return new TimelineEntry("merge:" + e.mergeId(), e.occurredAt(), "profile.merged", null, "profile",
                "Profile " + e.mergedProfileId() + " merged into this one: " + e.reason(), Map.of("mergeId", e.mergeId()));
    }

    static TimelineEntry unmerged(ProfileUnmerged e) {
        return new TimelineEntry("unmerge:" + e.mergeId(), e.occurredAt(), "profile.unmerged", null, "profile",
                "Merge undone: profile " + e.restoredProfileId() + " restored", Map.of("mergeId", e.mergeId()));
    }
}
