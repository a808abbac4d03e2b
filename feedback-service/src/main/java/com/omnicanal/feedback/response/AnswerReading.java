package com.omnicanal.feedback.response;

import com.omnicanal.feedback.survey.SurveyDefinition.Question;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands a reply typed in a conversation: "9", "👍", "muy mal", "excellent" on a rating's scale; an option by
 * its text; anything for a text question. A tapped button or list row is read by its id ({@link Question#choiceId}), which names
 * the question and the value. Empty when it cannot tell (the question is asked again once).
 */
public final class AnswerReading {

    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)(?<!\\d[.,])(\\d{1,2})(?!\\d)(?![.,]\\d)");
    private static final List<String> TOP = List.of("excelente", "perfecto", "genial", "muy bien", "excellent", "great",
            "perfect", "very good", "👍", "😀", "😃", "😊", "❤️", "🥰");
    private static final List<String> GOOD = List.of("bien", "bueno", "good", "fine");
    private static final List<String> MIDDLE = List.of("regular", "normal", "ok", "okay", "so so", "😐");
    private static final List<String> BOTTOM = List.of("muy mal", "fatal", "horrible", "terrible", "pesimo", "very bad",
            "awful", "👎", "😡", "😠", "😞");
    private static final List<String> BAD = List.of("mal", "malo", "bad", "poor");

    private AnswerReading() {
    }

    /** A reply with the id of the choice tapped, if any: ours is read by id; another's (a template's) by its text. */
    public static Optional<String> read(Question q, String reply, String replyId) {
        if (replyId == null || !replyId.startsWith(Question.CHOICE)) {
            return read(q, reply);
        }
        String own = q.choiceId("");
        String value = replyId.startsWith(own) ? replyId.substring(own.length()) : "";
        if (!value.matches("\\d{1,3}")) {
            return Optional.empty(); // a tap on an earlier question's message: not an answer to this one
        }
        return tapped(q, Integer.parseInt(value));
    }

    private static Optional<String> tapped(Question q, int value) {
        List<String> options = SurveyPage.options(q);
        return switch (q.type()) {
            case "rating" -> value >= q.min() && value <= q.max() ? Optional.of(String.valueOf(value)) : Optional.empty();
            case "single", "consent" -> value >= 1 && value <= options.size() ? Optional.of(options.get(value - 1))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    public static Optional<String> read(Question q, String reply) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        return switch (q.type()) {
            case "rating" -> rating(q, reply).map(String::valueOf);
            case "single", "consent" -> SurveyPage.options(q).stream().filter(o -> normalise(reply).contains(normalise(o)))
                    .findFirst().or(() -> numbered(SurveyPage.options(q), reply));
            default -> Optional.of(reply.strip());
        };
    }

    /** "2" for the second option, as the chat message numbers them. */
    private static Optional<String> numbered(List<String> options, String reply) {
        Matcher m = NUMBER.matcher(reply);
        if (!m.find()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1)) : Optional.empty();
    }

    private static Optional<Integer> rating(Question q, String reply) {
        Matcher m = NUMBER.matcher(reply);
        if (m.find()) {
            int value = Integer.parseInt(m.group(1));
            return value >= q.min() && value <= q.max() ? Optional.of(value) : Optional.empty();
        }
        String text = normalise(reply);
        int span = q.max() - q.min();
        if (matches(text, BOTTOM)) {
            return Optional.of(q.min());
        }
        if (matches(text, TOP)) {
            return Optional.of(q.max());
        }
        if (matches(text, MIDDLE)) {
            return Optional.of(q.min() + span / 2);
        }
        if (matches(text, BAD)) {
            return Optional.of(q.min() + Math.max(1, span / 4));
        }
        if (matches(text, GOOD)) {
            return Optional.of(q.max() - Math.max(1, span / 5));
        }
        return Optional.empty();
    }

    private static boolean matches(String text, List<String> words) {
        return words.stream().anyMatch(w -> Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(normalise(w)) + "($|[^\\p{L}])")
                .matcher(text).find());
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
