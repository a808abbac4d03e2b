package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.campaign.measurement.Counters;
import com.omnicanal.campaign.measurement.Measurements;
import com.omnicanal.events.campaign.GoalReached;
import com.omnicanal.events.profile.ActivityRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a customer's activity means to the journeys they are in: a goal reached ends the enrolment (a conversion of its
 * last message), and a purchase within the attribution window of a journey's last message is that journey's revenue.
 */
@Component
class Goals {

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final Measurements measurements;
    private final Duration attribution;

    Goals(Enrollments enrollments, Journeys journeys, Measurements measurements,
          @Value("${omni.attribution.window:P7D}") Duration attribution) {
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.measurements = measurements;
        this.attribution = attribution;
    }

    /** The activity against the customer's enrolments (as read just before). */
    void activity(ActivityRecorded event, List<Enrollment> theirs) {
        for (Enrollment e : theirs) {
            if (!e.isOver()) {
                reach(e, event.type(), event.type() + " " + event.activityId());
            }
        }
        if ("purchase".equals(event.type()) && event.amount() != null) {
            Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
            theirs.forEach(e -> attributable(e, at).ifPresent(where -> measurements.revenue(where, event.amount())));
        }
    }

    /** Ends the enrolment if one of its goals is {@code activityType} (or {@code link-clicked}); true if it did. */
    boolean reach(Enrollment e, String activityType, String what) {
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
}
