package com.omnicanal.feedback.survey;

import java.util.List;
import java.util.Map;

/**
 * A survey as designed: its kind (the first question of nps, csat and ces is their score on the standard scale),
 * its questions per language, what sends it, and how often a customer may be asked.
 */
public record SurveyDefinition(String name, String kind, Map<String, Localized> languages, Trigger trigger,
                               Integer cooldownDays, Double sampling, Integer expiresDays, List<String> channels,
                               Boolean inConversation) {

    public record Localized(String title, String invitation, List<Question> questions, String thanks) {
    }

    /** rating (min..max), single or multiple choice (options), text, consent; {@code skipTo}: answer → question or end. */
    public record Question(String id, String type, String text, Integer min, Integer max, List<String> options,
                           boolean required, Map<String, String> skipTo) {
    }

    /** What sends it: a resolved conversation, an activity of a type, or staff only ({@code manual}). */
    public record Trigger(String on, String activityType) {
    }

    public int cooldown() {
        return cooldownDays == null ? 30 : cooldownDays;
    }

    /** Asked as messages in the customer's conversation (replies understood there) instead of a link to a page. */
    public boolean conversational() {
        return Boolean.TRUE.equals(inConversation);
    }

    public int expiry() {
        return expiresDays == null ? 28 : expiresDays;
    }
}
