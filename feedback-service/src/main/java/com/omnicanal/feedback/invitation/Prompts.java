package com.omnicanal.feedback.invitation;

import com.omnicanal.feedback.survey.SurveyDefinition.Question;

import java.util.List;
import java.util.Map;

/**
 * How a question's answers are offered as text (every channel without buttons, and the thread): a numbered list; the
 * customer's number, word or tapped title is read back. {@link Taps} makes the same answers tappable.
 */
final class Prompts {

    private static final Map<Integer, String> FIVE = Map.of(1, "😞 Muy mal", 2, "Mal", 3, "Regular", 4, "Bien",
            5, "😀 Excelente");

    private Prompts() {
    }

    /** A question as text: what it asks and how to answer it (numbered options; {@link Taps} makes them tappable). */
    static String question(Question q) {
        return switch (q.type()) {
            case "rating" -> q.text() + " (" + q.min() + "–" + q.max() + ")" + scale(q.min(), q.max());
            case "single" -> q.text() + numbered(q.options());
            case "consent" -> q.text() + " (sí / no)";
            default -> q.text();
        };
    }

    /** A five-point scale gets its words ("4 · Bien"); a longer one (NPS 0–10) is read as a number. */
    static String scale(int min, int max) {
        if (min != 1 || max != 5) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = max; i >= min; i--) {
            lines.append('\n').append(label(min, max, i));
        }
        return lines.toString();
    }

    /** A value of the scale as shown: with its word on a five-point scale, else the number. */
    static String label(int min, int max, int value) {
        return min == 1 && max == 5 ? value + " · " + FIVE.get(value) : String.valueOf(value);
    }

    static String numbered(List<String> options) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; options != null && i < options.size(); i++) {
            lines.append('\n').append(i + 1).append(". ").append(options.get(i));
        }
        return lines.toString();
    }
}
