package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.events.profile.ActivityRecorded;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run of activity events at once, in rounds of one event per customer (so a customer's next event sees what the one
 * before did): the customers' enrolments read together for goals, revenue and conversions, the waits on the activities
 * found with one read, and each triggered journey's enrolments written and walked in bulk, as a broadcast's chunk is.
 */
@Component
class ActivityBatches {

    private final Enrollments enrollments;
    private final Goals goals;
    private final Receipts receipts;
    private final Waits waits;
    private final Wakeups wakeups;
    private final Journeys journeys;
    private final Enroller enroller;

    ActivityBatches(Enrollments enrollments, Goals goals, Receipts receipts, Waits waits, Wakeups wakeups,
                    Journeys journeys, Enroller enroller) {
        this.enrollments = enrollments;
        this.goals = goals;
        this.receipts = receipts;
        this.waits = waits;
        this.wakeups = wakeups;
        this.journeys = journeys;
        this.enroller = enroller;
    }

    void accept(List<ActivityRecorded> events) {
        Rounds.of(events, ActivityRecorded::profileId).forEach(this::round);
    }

    private void round(List<ActivityRecorded> round) {
        Map<String, List<Enrollment>> theirs = enrollments.ofProfiles(round.stream().map(ActivityRecorded::profileId).toList());
        for (ActivityRecorded event : round) {
            List<Enrollment> enrolled = theirs.getOrDefault(event.profileId(), List.of());
            goals.activity(event, enrolled);
            receipts.activity(enrolled, event.type()); // a goal's end makes its stale compare-and-set here a no-op
        }
        Map<String, String> types = new HashMap<>();
        round.forEach(event -> types.put(event.profileId(), event.type()));
        waits.awaitingAny(types).forEach((profileId, ids) -> ids.forEach(id -> wakeups.activityArrived(id,
                types.get(profileId))));
        trigger(round);
    }

    /** Every active journey an event of the round triggers gets its new enrolments in one bulk. */
    private void trigger(List<ActivityRecorded> round) {
        Map<String, List<ActivityRecorded>> byType = new LinkedHashMap<>();
        round.forEach(event -> byType.computeIfAbsent(event.type(), t -> new ArrayList<>()).add(event));
        byType.forEach((type, events) -> {
            for (Journey journey : journeys.triggeredBy(type)) {
                JourneyDefinition d = journeys.definition(journey.id(), journey.activeVersion()).orElseThrow();
                String channel = d.trigger().channel();
                enroller.enrolAll(journey, d, events.stream().filter(e -> channel == null || channel.equals(e.channel()))
                        .map(ActivityBatches::candidate).toList());
            }
        });
    }

    private static BulkEnrollments.Candidate candidate(ActivityRecorded event) {
        return new BulkEnrollments.Candidate(event.profileId(), event.activityId(), context(event),
                "activity " + event.type() + " " + event.activityId());
    }

    /** What a journey's content may use of its trigger. */
    private static Map<String, Object> context(ActivityRecorded event) {
        Map<String, Object> context = new HashMap<>();
        context.put("type", event.type());
        context.put("orderId", event.orderId());
        context.put("amount", event.amount());
        context.put("currency", event.currency());
        context.put("storeId", event.storeId());
        context.put("channel", event.channel());
        context.values().removeIf(Objects::isNull);
        return context;
    }
}
