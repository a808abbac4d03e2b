package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.campaign.suppression.OpenComplaints.ComplaintsCleared;
import com.omnicanal.campaign.tracking.LinkOpened;
import com.omnicanal.support.inbox.BatchConsumer;
import com.omnicanal.support.inbox.Replayable;
import com.omnicanal.support.timer.TimerDue;
import com.omnicanal.support.timer.TimersDue;
import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.conversation.MessageStatusChanged;
import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.events.profile.SegmentMembershipChanged;
import com.omnicanal.support.privacy.ErasureParticipant;
import com.omnicanal.support.privacy.ExportParticipant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What moves enrolments: an activity (it may enrol, reach a goal, or answer a branch), entering a segment, a
 * delivery receipt (a failure may fall back), a timer, complaints cleared; and erasure, which forgets them.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentEvents {

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final Waits waits;
    private final Receipts receipts;
    private final Wakeups wakeups;
    private final Measurements measurements;
    private final Goals goals;

    EnrollmentEvents(Enrollments enrollments, Journeys journeys, Waits waits, Receipts receipts,
                     Wakeups wakeups, Measurements measurements, Goals goals) {
        this.measurements = measurements;
        this.wakeups = wakeups;
        this.goals = goals;
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.waits = waits;
        this.receipts = receipts;
    }

    /** Activities move journeys a run at a time (see {@link ActivityBatches}). */
    @Bean
    BatchConsumer<ActivityRecorded> activityMovesJourneys(ActivityBatches batches) {
        return batches::accept;
    }

    /** A tracked link of a journey message was opened: a "clicked" success of its send, or the journey's goal. */
    @EventListener
    void linkOpened(LinkOpened opened) {
        if (opened.enrollmentId() == null) {
            return;
        }
        measurements.clicked(opened.requestId());
        receipts.clicked(opened.enrollmentId(), opened.requestId(), opened.url());
        enrollments.find(opened.enrollmentId()).filter(e -> !e.isOver())
                .ifPresent(e -> goals.reach(e, "link-clicked", "opened " + opened.url()));
    }

    /**
     * Entries into a segment enrol in its journeys a run at a time, as a broadcast's chunk (a segment build sends many);
     * replayable, so no claim per event: an entry's enrolment id derives from it, so a repeat enrols nobody twice.
     */
    @Bean
    Replayable.Batch<SegmentMembershipChanged> segmentEntries(Enroller enroller) {
        return events -> Rounds.of(events.stream().filter(SegmentMembershipChanged::member).toList(),
                SegmentMembershipChanged::profileId).forEach(round -> {
            for (Journey journey : journeys.active()) {
                if ("segment-entered".equals(journey.triggerType())) {
                    JourneyDefinition d = journeys.definition(journey.id(), journey.activeVersion()).orElseThrow();
                    enroller.enrolAll(journey, d, round.stream().filter(e -> e.segmentId().equals(journey.segmentId()))
                            .map(e -> new BulkEnrollments.Candidate(e.profileId(), "segment:" + e.segmentId() + ":"
                                    + e.occurredAt(), Map.of(), "segment " + e.segmentId())).toList());
                }
            }
        });
    }

    @Bean
    Consumer<MessageStatusChanged> receiptsDriveRetries() {
        return event -> {
            if (event.requestId() != null && event.requestId().split(":").length == 3) {
                // the journey first: a status ahead of its send's write is tried again whole, and counting is idempotent
                receipts.status(event.requestId(), event.status(), event.channel(), event.error());
                measurements.status(event.requestId(), event.status());
            }
        };
    }

    /** A customer's message: a reply to the journeys' last messages, and the answer a reply branch waits for. */
    @Bean
    Consumer<MessageReceived> repliesDriveJourneys() {
        return event -> {
            if (event.profileId() != null) {
                receipts.replied(event.profileId(), event.channel(), event.receivedAt());
                waits.awaiting(event.profileId(), "reply").forEach(id -> wakeups.activityArrived(id, "reply"));
            }
        };
    }

    @Bean
    ErasureParticipant forgetEnrollments() {
        return profileId -> {
            enrollments.forget(profileId);
            waits.forget(profileId);
        };
    }

    /** Every journey the person is or was in, with its decisions ("why did this customer get an SMS at 18:02?"). */
    @Bean
    ExportParticipant showEnrollments() {
        return profileId -> Map.of("enrollments", enrollments.ofProfile(profileId));
    }

    @EventListener
    void timerDue(TimerDue due) {
        wakeups.wakeAll(List.of(due));
    }

    /** A sweep's timers a batch at a time ({@code omni.timers.batch}): see {@link Wakeups#wakeAll}. */
    @EventListener
    void timersDue(TimersDue due) {
        wakeups.wakeAll(due.timers());
    }

    @EventListener
    void complaintsCleared(ComplaintsCleared cleared) {
        waits.held(cleared.profileId()).forEach(id -> wakeups.resumeAfterComplaints(id, cleared.at()));
    }
}
