package com.omnicanal.campaign.journey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A journey as designed: a trigger, phases in order (each with its channels, retry rule and steps), exit goals, the
 * re-entry rule and what an open complaint does to it. The JSON form is {@code /api/journeys/schema}.
 */
public record JourneyDefinition(String name, String purpose, Trigger trigger, Reentry reentry,
                                ComplaintPolicy complaints, SendWindow sendWindow, List<Goal> goals, List<Phase> phases) {

    private static final SendWindow DEFAULT_WINDOW = new SendWindow(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(21, 0));

    /** The hours (customer's local time) sends and calls may be planned in; 09:00–21:00 unless the journey says. */
    public SendWindow window() {
        return sendWindow == null ? DEFAULT_WINDOW : sendWindow;
    }

    /** From and to, local times in the customer's time zone. */
    public record SendWindow(java.time.LocalTime from, java.time.LocalTime to) {
    }

    /** Where a jump lands — a step id anywhere, or {@code phase:<id>} (its first step) — as {phase, step}; null if none. */
    public int[] position(String target) {
        for (int p = 0; p < phases.size(); p++) {
            if (target.equals("phase:" + phases.get(p).id())) {
                return new int[]{p, 0};
            }
            for (int s = 0; s < phases.get(p).steps().size(); s++) {
                if (phases.get(p).steps().get(s).id().equals(target)) {
                    return new int[]{p, s};
                }
            }
        }
        return null;
    }

    /** What enrols a customer: an activity of a type (optionally from a channel), entering a segment, or staff. */
    public record Trigger(String type, String activityType, String channel, String segmentId) {
    }

    /** once (ever), every-time, or once-per {@code days}. */
    public record Reentry(String mode, Integer days) {
    }

    /** While a complaint is open promotional steps are held (resumed after {@code coolOff}) or the journey ends. */
    public record ComplaintPolicy(String onOpen, Duration coolOff) {
    }

    /** Reaching it ends the journey: an activity of this type by the customer. */
    public record Goal(String id, String activityType) {
    }

    public record Phase(String id, String objective, List<PhaseChannel> channels, Retry retry, List<Step> steps) {

        /** The rule for a send on {@code channel}: the channel's own if it has one, else the phase's (or none). */
        public Retry retryFor(String channel) {
            return channels == null ? retry : channels.stream().filter(c -> c.channel().equals(channel) && c.retry() != null)
                    .map(PhaseChannel::retry).findFirst().orElse(retry);
        }
    }

    /** A channel the phase may use, its role (primary, support or read-only) and optionally its own retry rule. */
    public record PhaseChannel(String channel, String role, Retry retry) {
    }

    /**
     * How a send is judged by its receipts: how many sends at most, what counts as success (sent, delivered, read,
     * replied, clicked, converted — an activity of {@code conversionActivity}), what falls back to the next channel
     * (failed; not delivered / not read / no reply after a time), the spacing before the next attempt, and what
     * happens when every attempt failed ({@code onExhausted}: continue, exit, or a step or {@code phase:<id>}).
     */
    public record Retry(Integer maxAttempts, String success, String conversionActivity, List<String> fallbackOn,
                        Duration notDeliveredAfter, Duration notReadAfter, Duration noReplyAfter, Duration successWithin,
                        Duration spacing, String onExhausted) {

        public int attempts() {
            return maxAttempts == null ? 1 : maxAttempts;
        }

        public boolean fallsBackOn(String trigger) {
            return fallbackOn != null && fallbackOn.contains(trigger);
        }
    }

    /**
     * send (content per language, or a registered template), wait (a duration), branch (on an activity within a
     * timeout, or a random split), goto (a phase), agent-task (for a team, with the phase's script) or exit.
     */
    public record Step(String id, String type, String purpose, Map<String, Content> content, String template,
                       Duration duration, String on, String activityType, Duration timeout, String then,
                       String otherwise, List<Variant> variants, String phase, String team, String script,
                       List<String> dispositions, String until, Integer attempts) {
    }

    public record Content(String subject, String text) {
    }

    public record Variant(String id, int weight, String next) {
    }
}
