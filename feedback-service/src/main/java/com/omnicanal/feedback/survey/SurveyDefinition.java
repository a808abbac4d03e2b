package com.omnicanal.feedback.survey;

import java.util.List;
import java.util.Map;

/**
 * A survey as designed: its kind (the first question of nps, csat and ces is their score on the standard scale),
 * its questions per language, what sends it, and how often a customer may be asked.
 */
public record SurveyDefinition(String name, String kind, Map<String, Localized> languages, Trigger trigger,
                               Integer cooldownDays, Double sampling, Integer expiresDays, List<String> channels,
                               Boolean inConversation, Map<String, java.time.Duration> delays, Integer afterDays,
                               java.time.Duration reminderAfter, String whatsappTemplate, Boolean embeddable) {

    public record Localized(String title, String invitation, List<Question> questions, String thanks) {
    }

    /** rating (min..max), single or multiple choice (options), text, consent; {@code skipTo}: answer → question or end. */
    public record Question(String id, String type, String text, Integer min, Integer max, List<String> options,
                           boolean required, Map<String, String> skipTo) {

        /** What every tappable choice's id starts with, so a tap is known as one of ours. */
        public static final String CHOICE = "survey:";

        /** A tappable choice's id: the question and the value (a rating's number, else the option's number from 1). */
        public String choiceId(Object value) {
            return CHOICE + id + ":" + value;
        }
    }

    /**
     * What sends it: a resolved conversation, an activity of a type, staff only ({@code manual}), or {@code schedule}:
     * relationship NPS to a profile-service segment every {@code every} (ISO-8601), from {@code startAt} or at once.
     */
    public record Trigger(String on, String activityType, String segmentId, java.time.Duration every,
                          java.time.Instant startAt) {
    }

    /** Shown to anyone by the web snippet and the in-app API (off by default: most surveys are personal). */
    public boolean isEmbeddable() {
        return Boolean.TRUE.equals(embeddable);
    }

    public int cooldown() {
        return cooldownDays == null ? 30 : cooldownDays;
    }

    /** Asked as messages in the customer's conversation (replies understood there) instead of a link to a page. */
    public boolean conversational() {
        return Boolean.TRUE.equals(inConversation);
    }

    /**
     * How long after its trigger the invitation goes: {@code afterDays} (NPS N days after a purchase, the re-survey
     * N days after a recovered complaint), else the delay for the channel surveyed ({@code delays}, else the
     * service's defaults: at once on chat channels, 24 h for e-mail).
     */
    public java.time.Duration delay(String channel, Map<String, java.time.Duration> defaults) {
        if (afterDays != null) {
            return java.time.Duration.ofDays(afterDays);
        }
        if (channel != null && delays != null && delays.containsKey(channel)) {
            return delays.get(channel);
        }
        return channel == null ? java.time.Duration.ZERO : defaults.getOrDefault(channel, java.time.Duration.ZERO);
    }

    public int expiry() {
        return expiresDays == null ? 28 : expiresDays;
    }
}
