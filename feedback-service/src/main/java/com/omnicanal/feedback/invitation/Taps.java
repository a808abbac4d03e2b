package com.omnicanal.feedback.invitation;

import com.omnicanal.feedback.survey.SurveyDefinition.Question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A question's answers as tappable choices (dispatch's {@code interactive}: WhatsApp buttons or a list inside the
 * window, the numbered text elsewhere), each with an id naming question and value so a tap is read by id. A list holds
 * at most 10 rows, so a longer scale (NPS 0–10: 11 values) goes as two lists, 0–5 and 6–10, sent one after the other.
 */
final class Taps {

    private static final int ROWS = 10;
    private static final int BODY = 1024;
    private static final int TITLE = 24;
    private static final int DESCRIPTION = 72;

    private Taps() {
    }

    /** The interactive payloads for the question (none for text questions or too many options), {@code lead} first. */
    static List<Map<String, Object>> of(Question q, String lead) {
        return switch (q.type()) {
            case "rating" -> scale(q, lead);
            case "single" -> q.options() == null || q.options().size() > ROWS ? List.of()
                    : part(lead + q.text(), null, options(q));
            case "consent" -> part(lead + q.text(), null, List.of(choice(q, 1, "Sí", null), choice(q, 2, "No", null)));
            default -> List.of();
        };
    }

    private static List<Map<String, Object>> scale(Question q, String lead) {
        int count = q.max() - q.min() + 1;
        if (count <= ROWS) {
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean words = q.min() == 1 && q.max() == 5; // the words top-down, as the numbered text lists them
            for (int i = 0; i < count; i++) {
                int value = words ? q.max() - i : q.min() + i;
                rows.add(choice(q, value, Prompts.label(q.min(), q.max(), value), null));
            }
            return part(lead + q.text() + " (" + q.min() + "–" + q.max() + ")", null, rows);
        }
        if (count > 2 * ROWS) {
            return List.of();
        }
        int split = q.min() + (count + 1) / 2; // NPS: 0–5 and 6–10
        List<Map<String, Object>> parts = new ArrayList<>(range(q, lead, q.min(), split - 1));
        parts.addAll(range(q, "", split, q.max()));
        return parts.size() == 2 ? parts : List.of();
    }

    private static List<Map<String, Object>> range(Question q, String lead, int from, int to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.add(choice(q, i, String.valueOf(i), null));
        }
        return part(lead + q.text() + " (" + from + "–" + to + ")", from + " a " + to, rows);
    }

    private static List<Map<String, Object>> options(Question q) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            String option = q.options().get(i);
            boolean cut = length(option) > TITLE;
            rows.add(choice(q, i + 1, cut ? cut(option, TITLE) : option, cut ? cut(option, DESCRIPTION) : null));
        }
        return rows;
    }

    /** One interactive message; none when the body is over WhatsApp's limit (the numbered text still goes). */
    private static List<Map<String, Object>> part(String body, String button, List<Map<String, Object>> choices) {
        if (length(body) > BODY) {
            return List.of();
        }
        Map<String, Object> part = new LinkedHashMap<>(Map.of("body", body, "choices", choices));
        if (button != null) {
            part.put("button", button);
        }
        return List.of(part);
    }

    private static Map<String, Object> choice(Question q, int value, String title, String description) {
        Map<String, Object> choice = new LinkedHashMap<>(Map.of("id", q.choiceId(value), "title", title));
        if (description != null) {
            choice.put("description", description);
        }
        return choice;
    }

    private static String cut(String text, int max) {
        return length(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
