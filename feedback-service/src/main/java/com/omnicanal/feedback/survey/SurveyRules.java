package com.omnicanal.feedback.survey;

import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What makes a survey definition usable, each problem named by its field. */
final class SurveyRules {

    static final Map<String, int[]> SCALES = Map.of("nps", new int[]{0, 10}, "csat", new int[]{1, 5}, "ces", new int[]{1, 7});
    private static final Set<String> KINDS = Set.of("nps", "csat", "ces", "custom");
    private static final Set<String> TYPES = Set.of("rating", "single", "multiple", "text", "consent");
    private static final Set<String> TRIGGERS = Set.of("conversation-resolved", "complaint-resolved", "activity", "manual",
            "schedule");

    private SurveyRules() {
    }

    static List<InvalidField> problems(SurveyDefinition d) {
        List<InvalidField> problems = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            problems.add(new InvalidField("name", "must not be blank"));
        }
        if (d.kind() == null || !KINDS.contains(d.kind())) {
            problems.add(new InvalidField("kind", "must be nps, csat, ces or custom"));
        }
        if (d.trigger() == null || !TRIGGERS.contains(d.trigger().on())) {
            problems.add(new InvalidField("trigger.on", "must be conversation-resolved, complaint-resolved, activity, manual "
                    + "or schedule"));
        } else if (d.trigger().on().equals("activity") && d.trigger().activityType() == null) {
            problems.add(new InvalidField("trigger.activityType", "an activity trigger needs the activity type"));
        } else if (d.trigger().on().equals("schedule")) {
            schedule(d.trigger(), problems);
        }
        if (d.sampling() != null && (d.sampling() <= 0 || d.sampling() > 1)) {
            problems.add(new InvalidField("sampling", "must be a share between 0 (excluded) and 1"));
        }
        timing(d, problems);
        if (d.whatsappTemplate() != null && !d.whatsappTemplate().matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            problems.add(new InvalidField("whatsappTemplate", "the name of a conversation-service template"));
        }
        if (d.languages() == null || d.languages().isEmpty()) {
            problems.add(new InvalidField("languages", "at least one language (e.g. es, en)"));
            return problems;
        }
        d.languages().forEach((language, localized) -> language(d, language, localized, problems));
        return problems;
    }

    /** Relationship NPS: a segment and a period (a second at least, so a test can watch two rounds; a year at most). */
    private static void schedule(SurveyDefinition.Trigger t, List<InvalidField> problems) {
        if (t.segmentId() == null || t.segmentId().isBlank()) {
            problems.add(new InvalidField("trigger.segmentId", "a scheduled survey goes to a profile-service segment"));
        }
        if (t.every() == null || t.every().toSeconds() < 1 || t.every().compareTo(java.time.Duration.ofDays(366)) > 0) {
            problems.add(new InvalidField("trigger.every", "how often, as an ISO-8601 duration from PT1S to P366D (e.g. P90D)"));
        }
    }

    private static void timing(SurveyDefinition d, List<InvalidField> problems) {
        if (d.afterDays() != null && (d.afterDays() < 0 || d.afterDays() > 365)) {
            problems.add(new InvalidField("afterDays", "must be from 0 to 365 days"));
        }
        if (d.delays() != null) {
            d.delays().forEach((channel, delay) -> {
                if (delay == null || delay.isNegative() || delay.compareTo(java.time.Duration.ofDays(30)) > 0) {
                    problems.add(new InvalidField("delays." + channel, "must be a duration from PT0S to P30D"));
                }
            });
        }
        if (d.reminderAfter() != null && (d.reminderAfter().isNegative() || d.reminderAfter().isZero()
                || d.reminderAfter().toDays() >= d.expiry())) {
            problems.add(new InvalidField("reminderAfter", "must be positive and before the invitation expires ("
                    + d.expiry() + " days)"));
        }
    }

    private static void language(SurveyDefinition d, String language, SurveyDefinition.Localized l,
                                 List<InvalidField> problems) {
        String at = "languages." + language;
        if (!language.matches("[a-z]{2}")) {
            problems.add(new InvalidField(at, "a language is a two-letter code"));
        }
        if (l.questions() == null || l.questions().isEmpty()) {
            problems.add(new InvalidField(at + ".questions", "at least one question"));
            return;
        }
        int[] scale = SCALES.get(d.kind());
        Question first = l.questions().getFirst();
        if (scale != null && (!"rating".equals(first.type()) || !Integer.valueOf(scale[0]).equals(first.min())
                || !Integer.valueOf(scale[1]).equals(first.max()))) {
            problems.add(new InvalidField(at + ".questions[0]", "a " + d.kind() + " survey starts with its score: a rating "
                    + "from " + scale[0] + " to " + scale[1]));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < l.questions().size(); i++) {
            question(l.questions().get(i), at + ".questions[" + i + "]", ids, problems);
        }
        for (int i = 0; i < l.questions().size(); i++) {
            Map<String, String> skips = l.questions().get(i).skipTo();
            if (skips != null) {
                for (String target : skips.values()) {
                    if (!target.equals("end") && !ids.contains(target)) {
                        problems.add(new InvalidField(at + ".questions[" + i + "].skipTo", "no such question: " + target));
                    }
                }
            }
        }
    }

    private static void question(Question q, String at, Set<String> ids, List<InvalidField> problems) {
        if (q.id() == null || !q.id().matches("[a-z0-9_-]{1,40}") || !ids.add(q.id())) {
            problems.add(new InvalidField(at + ".id", "a unique id of a-z, 0-9, - and _"));
        }
        if (q.type() == null || !TYPES.contains(q.type())) {
            problems.add(new InvalidField(at + ".type", "must be rating, single, multiple, text or consent"));
        } else if (q.type().equals("rating") && (q.min() == null || q.max() == null || q.min() >= q.max())) {
            problems.add(new InvalidField(at + ".max", "a rating needs min < max"));
        } else if ((q.type().equals("single") || q.type().equals("multiple")) && (q.options() == null || q.options().size() < 2)) {
            problems.add(new InvalidField(at + ".options", "a choice needs at least two options"));
        }
        if (q.text() == null || q.text().isBlank()) {
            problems.add(new InvalidField(at + ".text", "must not be blank"));
        }
    }
}
