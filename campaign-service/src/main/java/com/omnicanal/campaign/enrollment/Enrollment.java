package com.omnicanal.campaign.enrollment;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One customer in one journey version: where they are (phase, step, attempt), what they wait for (a timer token,
 * an activity), the send in flight, the triggering context, and every decision taken, in order ({@code history}).
 * Changes are compare-and-set on {@code revision}, so a timer, a receipt and an activity never both move it.
 */
@Document(Enrollment.COLLECTION)
record Enrollment(@Id String id, String journeyId, int version, String profileId, String state, int phase, int step,
                  int attempt, List<String> excluded, String timerToken, Instant wakeAt, String waitingFor,
                  Boolean retryStep, LastSend lastSend, Map<String, Object> context, String source, List<Entry> history, long revision,
                  Instant enrolledAt, Instant endedAt, String endReason, String variant, String disposition,
                  @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "enrollments";

    /** A decision or outcome, for "why did this customer get an SMS at 18:02?". */
    record Entry(Instant at, String phase, String step, String action, String detail) {
    }

    /**
     * The last message sent for a step and what its receipts said (status sent → delivered → read; replied, clicked,
     * converted): they drive the step's success, retries and fallbacks. {@code sends} counts this step's sends.
     */
    record LastSend(String requestId, String channel, int phase, int step, Instant sentAt, String status,
                    Boolean replied, Boolean clicked, Boolean converted, int sends) {

        LastSend with(String newStatus, Boolean nowReplied, Boolean nowClicked, Boolean nowConverted) {
            return new LastSend(requestId, channel, phase, step, sentAt, newStatus, nowReplied, nowClicked, nowConverted,
                    sends);
        }
    }

    boolean isOver() {
        return "completed".equals(state) || "exited".equals(state);
    }
}
