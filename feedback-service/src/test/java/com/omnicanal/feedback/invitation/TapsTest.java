package com.omnicanal.feedback.invitation;

import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of question as tappable choices within WhatsApp's limits (3 buttons, 10 rows, 24-character titles). */
class TapsTest {

    @Test
    void csatIsOneListOfItsWordsAndCesOneListOfSevenNumbers() {
        List<Map<String, Object>> csat = Taps.of(new Question("score", "rating", "¿Qué tal?", 1, 5, null, true, null), "");
        assertThat(csat).hasSize(1);
        assertThat(csat.getFirst().get("body")).isEqualTo("¿Qué tal? (1–5)");
        assertThat(titles(csat.getFirst())).containsExactly("5 · 😀 Excelente", "4 · Bien", "3 · Regular", "2 · Mal",
                "1 · 😞 Muy mal");
        assertThat(ids(csat.getFirst())).startsWith("survey:score:5");

        List<Map<String, Object>> ces = Taps.of(new Question("effort", "rating", "¿Fue fácil?", 1, 7, null, true, null), "");
        assertThat(ces).hasSize(1);
        assertThat(ids(ces.getFirst())).containsExactly("survey:effort:1", "survey:effort:2", "survey:effort:3",
                "survey:effort:4", "survey:effort:5", "survey:effort:6", "survey:effort:7");
    }

    @Test
    void npsElevenValuesGoAsTwoListsOfAtMostTenRows() {
        List<Map<String, Object>> nps = Taps.of(new Question("score", "rating", "¿Nos recomendarías?", 0, 10, null, true,
                null), "Una pregunta\n");
        assertThat(nps).hasSize(2);
        assertThat(nps.get(0).get("body")).isEqualTo("Una pregunta\n¿Nos recomendarías? (0–5)");
        assertThat(nps.get(0).get("button")).isEqualTo("0 a 5");
        assertThat(titles(nps.get(0))).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(nps.get(1).get("body")).isEqualTo("¿Nos recomendarías? (6–10)");
        assertThat(titles(nps.get(1))).containsExactly("6", "7", "8", "9", "10");
    }

    @Test
    void optionsKeepTheirNumberLongOnesAreCutWithTheWholeTextBelowAndTextQuestionsHaveNone() {
        Question pick = new Question("why", "single", "¿Por qué?", null, null,
                List.of("Precio", "La atención de la persona en tienda"), true, null);
        Map<String, Object> choices = Taps.of(pick, "").getFirst();
        assertThat(ids(choices)).containsExactly("survey:why:1", "survey:why:2");
        assertThat(titles(choices).get(1)).hasSize(24).endsWith("…");
        assertThat(choices.toString()).contains("description=La atención de la persona en tienda");
        assertThat(titles(Taps.of(new Question("ok", "consent", "¿Podemos llamarte?", null, null, null, true, null), "")
                .getFirst())).containsExactly("Sí", "No");
        assertThat(Taps.of(new Question("c", "text", "¿Algo más?", null, null, null, false, null), "")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(Map<String, Object> part) {
        return ((List<Map<String, Object>>) part.get("choices")).stream().map(c -> (String) c.get("title")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> part) {
        return ((List<Map<String, Object>>) part.get("choices")).stream().map(c -> (String) c.get("id")).toList();
    }
}
