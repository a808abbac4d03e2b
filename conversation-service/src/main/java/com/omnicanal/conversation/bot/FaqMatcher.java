package com.omnicanal.conversation.bot;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the FAQ entry a customer message most likely asks about. Confidence weighs how much of the
 * question the message covers above how much of the message the question explains, so a chatty message
 * that contains the whole question still scores high.
 */
final class FaqMatcher {

    private static final double QUESTION_WEIGHT = 0.7;
    private static final double NEAR_MISS = 0.8;
    private static final int MIN_PREFIX = 4;
    private static final int MIN_TYPO_LENGTH = 5;

    private static final Pattern WANTS_HUMAN = Pattern.compile("\\b(?:agentes?|humanos?|personas?|operador(?:es|as?)?"
            + "|hablar con alguien|agents?|humans?|person|representatives?|operators?)\\b");

    private FaqMatcher() {
    }

    /** The best entry in the message's language, or empty when none shares anything with it. */
    static Optional<Match> best(String text, String language, List<FaqEntry> entries) {
        Set<String> message = Terms.of(text, language);
        if (message.isEmpty() || entries == null) {
            return Optional.empty();
        }
        String wanted = Terms.primaryLanguage(language);
        return entries.stream()
                .filter(Objects::nonNull)
                .filter(entry -> Terms.primaryLanguage(entry.language()).equals(wanted))
                .map(entry -> new Match(entry, confidence(message, entry)))
                .filter(match -> match.confidence() > 0)
                .max(Comparator.comparingDouble(Match::confidence));
    }

    /** True when the customer asks for a person ("quiero hablar con un agente", "human please"). */
    static boolean wantsHuman(String text) {
        return WANTS_HUMAN.matcher(Terms.normalise(text)).find();
    }

    private static double confidence(Set<String> message, FaqEntry entry) {
        return entry.questions().stream()
                .map(question -> Terms.of(question, entry.language()))
                .mapToDouble(question -> similarity(message, question))
                .max().orElse(0);
    }

    static double similarity(Set<String> message, Set<String> question) {
        if (message.isEmpty() || question.isEmpty()) {
            return 0;
        }
        double questionCovered = coverage(question, message);
        double messageCovered = coverage(message, question);
        return QUESTION_WEIGHT * questionCovered + (1 - QUESTION_WEIGHT) * messageCovered;
    }

    /** Share of {@code covered}'s stems found in {@code by}, each counted by its closest stem there. */
    private static double coverage(Set<String> covered, Set<String> by) {
        double sum = 0;
        for (String stem : covered) {
            sum += by.stream().mapToDouble(other -> stemSimilarity(stem, other)).max().orElse(0);
        }
        return sum / covered.size();
    }

    /** Light stemming leaves verb and noun forms apart ("envi" / "enviar") and typos happen, so near misses count a bit. */
    static double stemSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= MIN_PREFIX && longer.startsWith(shorter)) {
            return NEAR_MISS;
        }
        if (shorter.length() >= MIN_TYPO_LENGTH && oneEditApart(a, b)) {
            return NEAR_MISS;
        }
        return 0;
    }

    /** One insertion, deletion, substitution or swap of neighbours. */
    private static boolean oneEditApart(String a, String b) {
        int lengthDifference = Math.abs(a.length() - b.length());
        if (lengthDifference > 1) {
            return false;
        }
        int start = 0;
        while (start < Math.min(a.length(), b.length()) && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        if (start == Math.max(a.length(), b.length())) {
            return true;
        }
        if (lengthDifference == 1) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = longer == a ? b : a;
            return longer.substring(start + 1).equals(shorter.substring(start));
        }
        return a.substring(start + 1).equals(b.substring(start + 1))
                || start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1)
                && a.charAt(start + 1) == b.charAt(start) && a.substring(start + 2).equals(b.substring(start + 2));
    }

    /** The chosen entry and how sure the matcher is, from 0 (nothing shared) to 1 (same stems). */
    record Match(FaqEntry entry, double confidence) {
    }
}
