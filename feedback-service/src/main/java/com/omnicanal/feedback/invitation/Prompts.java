package com.omnicanal.feedback.invitation;

import java.util.List;
import java.util.Map;

/**
 * How a question's answers are offered in a chat message: a numbered list, since conversation-service sends text or
 * an approved template (no WhatsApp interactive buttons yet); the customer's number, word or tapped title is read back.
 */
final class Prompts {

    private static final Map<Integer, String> FIVE = Map.of(1, "😞 Muy mal", 2, "Mal", 3, "Regular", 4, "Bien",
            5, "😀 Excelente");

    private Prompts() {
    }

    /** A five-point scale gets its words ("4 · Bien"); a longer one (NPS 0–10) is read as a number. */
    static String scale(int min, int max) {
        if (min != 1 || max != 5) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = max; i >= min; i--) {
            lines.append('\n').append(i).append(" · ").append(FIVE.get(i));
        }
        return lines.toString();
    }

    static String numbered(List<String> options) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; options != null && i < options.size(); i++) {
            lines.append('\n').append(i + 1).append(". ").append(options.get(i));
        }
        return lines.toString();
    }
}
