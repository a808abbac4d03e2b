package com.omnicanal.feedback.response;

import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerReadingTest {

    private static final Question NPS = new Question("score", "rating", "?", 0, 10, null, true, null);
    private static final Question CSAT = new Question("score", "rating", "?", 1, 5, null, true, null);

    @Test
    void numbersOnTheScaleAreTakenAsTheyAreAndOthersAreNot() {
        assertThat(AnswerReading.read(NPS, "Un 9, la verdad")).contains("9");
        assertThat(AnswerReading.read(NPS, "10")).contains("10");
        assertThat(AnswerReading.read(CSAT, "9")).as("off a 1–5 scale").isEmpty();
        assertThat(AnswerReading.read(NPS, "pedido 12345")).as("not a rating").isEmpty();
    }

    @Test
    void wordsAndEmojiMapOntoTheScaleInSpanishAndEnglish() {
        assertThat(AnswerReading.read(CSAT, "Muy mal, nadie contestó")).contains("1");
        assertThat(AnswerReading.read(CSAT, "fatal")).contains("1");
        assertThat(AnswerReading.read(CSAT, "👍")).contains("5");
        assertThat(AnswerReading.read(CSAT, "muy bien")).contains("5");
        assertThat(AnswerReading.read(CSAT, "regular")).contains("3");
        assertThat(AnswerReading.read(NPS, "terrible")).contains("0");
        assertThat(AnswerReading.read(NPS, "excellent")).contains("10");
        assertThat(AnswerReading.read(CSAT, "no sé")).isEmpty();
    }

    @Test
    void choicesAreFoundByTheirTextAndTextQuestionsTakeAnything() {
        Question choice = new Question("why", "single", "?", null, null, List.of("Precio", "Atención"), true, null);
        assertThat(AnswerReading.read(choice, "sobre todo la atención")).contains("Atención");
        assertThat(AnswerReading.read(new Question("c", "text", "?", null, null, null, false, null), " lento "))
                .contains("lento");
    }

    @Test
    void aTappedButtonOrListTitleAndANumberedOptionAreUnderstood() {
        assertThat(AnswerReading.read(CSAT, "4 · Bien")).as("a list row's title, as the webhook gives it").contains("4");
        assertThat(AnswerReading.read(CSAT, "😀 Excelente")).contains("5");
        Question choice = new Question("why", "single", "?", null, null, List.of("Precio", "Atención"), true, null);
        assertThat(AnswerReading.read(choice, "2")).as("the second numbered option").contains("Atención");
        assertThat(AnswerReading.read(choice, "7")).isEmpty();
    }

    @Test
    void aTapIsReadByItsIdWhateverItsTitleSaysAndATapForAnotherQuestionIsNotAnAnswer() {
        Question choice = new Question("why", "single", "?", null, null, List.of("Precio", "Atención"), true, null);
        assertThat(AnswerReading.read(CSAT, "😀 Excelente", CSAT.choiceId(2))).contains("2");
        assertThat(AnswerReading.read(choice, "Precio", choice.choiceId(2))).contains("Atención");
        assertThat(AnswerReading.read(NPS, "0", NPS.choiceId(0))).contains("0");
        assertThat(AnswerReading.read(CSAT, "9", "survey:score:9")).as("off the scale").isEmpty();
        assertThat(AnswerReading.read(choice, "4 · Bien", CSAT.choiceId(4))).as("an earlier question's").isEmpty();
        assertThat(AnswerReading.read(CSAT, "4 · Bien", "template-quick-reply-7")).as("not ours: by its title").contains("4");
    }
}
