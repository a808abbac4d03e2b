package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.campaign.measurement.Counters;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.campaign.suppression.OpenComplaints.ComplaintsCleared;
import com.omnicanal.campaign.tracking.LinkOpened;
import com.omnicanal.support.timer.TimerDue;
import com.omnicanal.events.campaign.GoalReached;
import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.conversation.MessageStatusChanged;
import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.events.profile.SegmentMembershipChanged;
import com.omnicanal.support.privacy.ErasureParticipant;
import com.omnicanal.support.privacy.ExportParticipant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import java.util.HashMap;
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
    private final Engine engine;
    private final Journeys journeys;
    private final Waits waits;
    private final Receipts receipts;
    private final Wakeups wakeups;
    private final Measurements measurements;
    private final Duration attribution;

    EnrollmentEvents(Enrollments enrollments, Engine engine, Journeys journeys, Waits waits, Receipts receipts,
                     Wakeups wakeups, Measurements measurements, @Value("${omni.attribution.window:P7D}") Duration attribution) {
        this.measurements = measurements;
        this.wakeups = wakeups;
        this.attribution = attribution;
        this.enrollments = enrollments;
        this.engine = engine;
        this.journeys = journeys;
        this.waits = waits;
        this.receipts = receipts;
    }

    @Bean
    Consumer<ActivityRecorded> activityMovesJourneys() {
        return event -> {
            goals(event);
            if ("purchase".equals(event.type()) && event.amount() != null) {
                revenue(event);
            }
            receipts.activity(event.profileId(), event.type());
            waits.awaiting(event.profileId(), event.type()).forEach(id -> wakeups.activityArrived(id, event.type()));
            for (Journey journey : journeys.triggeredBy(event.type())) {
                JourneyDefinition d = journeys.definition(journey.id(), journey.activeVersion()).orElseThrow();
                if (d.trigger().channel() == null || d.trigger().channel().equals(event.channel())) {
                    enrollments.enroll(journey, d, event.profileId(), event.activityId(), context(event),
                            "activity " + event.type() + " " + event.activityId(), Instant.now())
                            .ifPresent(e -> engine.run(e.id()));
                }
            }
        };
    }

    /** A purchase within the attribution window of a journey's last message to the customer is that journey's revenue. */
    private void revenue(ActivityRecorded event) {
        Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        for (Enrollment e : enrollments.ofProfile(event.profileId())) {
            attributable(e, at).ifPresent(where -> measurements.revenue(where, event.amount()));
        }
    }

    /** Where the last message before {@code at} was sent from, if it is within the attribution window. */
    private Optional<Counters.At> attributable(Enrollment e, Instant at) {
        Enrollment.LastSend s = e.lastSend();
        if (s == null || s.sentAt().isAfter(at.plusSeconds(60)) || s.sentAt().isBefore(at.minus(attribution))) {
            return Optional.empty();
        }
        JourneyDefinition.Phase phase = journeys.definition(e.journeyId(), e.version()).orElseThrow().phases().get(s.phase());
        return Optional.of(new Counters.At(e.journeyId(), phase.id(), phase.steps().get(s.step()).id(), s.channel(),
                e.variant()));
    }

    /** A customer who does what the journey was for leaves it. */
    private void goals(ActivityRecorded event) {
        for (Enrollment e : enrollments.ofProfile(event.profileId())) {
            if (e.isOver()) {
                continue;
            }
            reachGoal(e, event.type(), event.type() + " " + event.activityId());
        }
    }

    /** Ends the enrolment if one of its goals is {@code activityType} (or {@code link-clicked}); true if it did. */
    private boolean reachGoal(Enrollment e, String activityType, String what) {
        return journeys.definition(e.journeyId(), e.version()).map(JourneyDefinition::goals).orElse(List.of()).stream()
                .filter(g -> g.activityType().equals(activityType)).findFirst().map(goal -> {
                    Instant now = Instant.now();
                    boolean reached = enrollments.change(e, new Update().set("state", "completed").set("endedAt", now)
                            .set("endReason", "goal " + goal.id()).unset("timerToken"), List.of(new Enrollment.Entry(now,
                            null, null, "goal", goal.id() + ": " + what)),
                            List.of(new GoalReached(e.profileId(), e.id(), e.journeyId(), goal.id(), now)));
                    if (reached) {
                        attributable(e, now).ifPresent(measurements::converted);
                    }
                    return reached;
                }).orElse(false);
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
                .ifPresent(e -> reachGoal(e, "link-clicked", "opened " + opened.url()));
    }

    @Bean
    Consumer<SegmentMembershipChanged> segmentEntries() {
        return event -> {
            if (!event.member()) {
                return;
            }
            for (Journey journey : journeys.active()) {
                if ("segment-entered".equals(journey.triggerType()) && event.segmentId().equals(journey.segmentId())) {
                    JourneyDefinition d = journeys.definition(journey.id(), journey.activeVersion()).orElseThrow();
                    enrollments.enroll(journey, d, event.profileId(), "segment:" + event.segmentId() + ":" + event.occurredAt(),
                            Map.of(), "segment " + event.segmentId(), Instant.now()).ifPresent(e -> engine.run(e.id()));
                }
            }
        };
    }

    @Bean
    Consumer<MessageStatusChanged> receiptsDriveRetries() {
        return event -> {
            if (event.requestId() != null && event.requestId().split(":").length == 3) {
                measurements.status(event.requestId(), event.status());
                receipts.status(event.requestId(), event.status(), event.channel(), event.error());
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
        enrollments.find(due.subject()).ifPresent(e -> {
            if (Receipts.WAITING.equals(e.waitingFor())) {
                receipts.deadline(e, due.token());
            } else {
                wakeups.wake(e.id(), due.token());
            }
        });
    }

    @EventListener
    void complaintsCleared(ComplaintsCleared cleared) {
        waits.held(cleared.profileId()).forEach(id -> wakeups.resumeAfterComplaints(id, cleared.at()));
    }

    private static Map<String, Object> context(ActivityRecorded event) {
        Map<String, Object> context = new HashMap<>();
        context.put("type", event.type());
        context.put("orderId", event.orderId());
        context.put("amount", event.amount());
        context.put("currency", event.currency());
        context.put("storeId", event.storeId());
        context.put("channel", event.channel());
        context.values().removeIf(java.util.Objects::isNull);
        return context;
    }
}
