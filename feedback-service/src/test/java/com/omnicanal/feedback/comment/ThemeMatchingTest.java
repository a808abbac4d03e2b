package com.omnicanal.feedback.comment;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keywords match whole words and phrases, whatever the case and accents, in the rules' order. */
class ThemeMatchingTest {

    private static final Map<String, List<String>> RULES = new LinkedHashMap<>(Map.of("delivery", List.of("retraso", "entrega")));

    static {
        RULES.put("queue", List.of("cola", "mucho rato"));
    }

    @Test
    void matchesIgnoringCaseAndAccents() {
        assertThat(Themes.matching(RULES, "Se RETRASÓ la Entrega")).containsExactly("delivery");
        assertThat(Themes.matching(RULES, "esperé MUCHO  rato en la cola; y la entrega...")).containsExactly("delivery", "queue");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(Themes.matching(RULES, "un colacao y un retrasado")).isEmpty();
    }
}
