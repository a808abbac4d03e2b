package com.omnicanal.conversation.bot;

import com.omnicanal.conversation.bot.FaqMatcher.Match;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaqMatcherTest {

    private static final List<FaqEntry> FAQ = List.of(
            new FaqEntry("horario", "es", List.of("¿Cuál es el horario de atención?", "¿A qué hora abren?"),
                    "De lunes a viernes de 9:00 a 18:00."),
            new FaqEntry("envio", "es", List.of("¿Cuánto tarda el envío?", "¿Cuándo llega mi pedido?"),
                    "Entre 24 y 48 horas."),
            new FaqEntry("devolucion", "es", List.of("¿Cómo devuelvo un producto?", "Quiero hacer una devolución"),
                    "Tienes 30 días para devolverlo."),
            new FaqEntry("contrasena", "es", List.of("He olvidado mi contraseña", "Cambiar la contraseña"),
                    "Pulsa «¿Olvidaste tu contraseña?»."),
            new FaqEntry("password", "en", List.of("How do I reset my password?", "I forgot my password"),
                    "Use the 'Forgot password' link."),
            new FaqEntry("hours", "en", List.of("What are your opening hours?", "When are you open?"),
                    "Monday to Friday, 9 to 6."),
            new FaqEntry("refund", "en", List.of("How can I get a refund?", "I want my money back"),
                    "Refunds take 5 working days."),
            new FaqEntry("shipping", "en", List.of("How long does shipping take?", "Where is my order?"),
                    "Two working days."));

    private static double confidence(String text, String language, String entryId) {
        FaqEntry entry = FAQ.stream().filter(e -> e.id().equals(entryId)).findFirst().orElseThrow();
        return FaqMatcher.best(text, language, List.of(entry)).map(Match::confidence).orElse(0.0);
    }

    private static void assertBestIs(String text, String language, String expectedId) {
        Match best = FaqMatcher.best(text, language, FAQ).orElseThrow();

        assertThat(best.entry().id()).as("best entry for %s", text).isEqualTo(expectedId);
        assertThat(best.confidence()).isBetween(0.0, 1.0);
        FAQ.stream().filter(e -> !e.id().equals(expectedId) && e.language().equals(language))
                .forEach(other -> assertThat(confidence(text, language, other.id()))
                        .as("%s against %s", text, other.id()).isLessThan(best.confidence()));
    }

    @Nested
    class Spanish {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "¿Qué horario de atención tenéis?|horario",
                "Buenas, ¿me podéis decir el horario de la tienda?|horario",
                "a que hora abris el sabado|horario",
                "¿En cuántos días me llega el pedido?|envio",
                "cuanto tardan los envios a canarias|envio",
                "Quisiera hacer la devolución de unas zapatillas|devolucion",
                "como devuelvo los productos|devolucion",
                "olvidé la contrasena|contrasena",
                "QUIERO CAMBIAR MI CONTRASEÑA!!!|contrasena"})
        void paraphrasesMatchTheRightEntry(String text, String expected) {
            assertBestIs(text, "es", expected);
        }

        @Test
        void theSameQuestionIsACertainMatch() {
            assertThat(confidence("cual es el horario de atencion", "es", "horario")).isCloseTo(1.0, within(1e-9));
        }

        @Test
        void regionalLanguageTagsUseTheirLanguage() {
            assertThat(FaqMatcher.best("¿Cuándo llega mi pedido?", "es-MX", FAQ)).get()
                    .extracting(m -> m.entry().id()).isEqualTo("envio");
        }
    }

    @Nested
    class English {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "I can't remember my password, how do I change it?|password",
                "Forgotten passwords|password",
                "pasword reset|password",
                "What time do you open on Saturdays?|hours",
                "opening hours please|hours",
                "Can I have a refund for these shoes?|refund",
                "I'd like my money back!|refund",
                "How long will shipping take to Ireland?|shipping"})
        void paraphrasesMatchTheRightEntry(String text, String expected) {
            assertBestIs(text, "en", expected);
        }
    }

    @Nested
    class Unrelated {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Mi perro se llama Toby y le gusta correr|es",
                "hola|es",
                "The weather is lovely today|en",
                "thanks!|en",
                "¿?¡!...|es"})
        void givesLowConfidence(String text, String language) {
            double confidence = FaqMatcher.best(text, language, FAQ).map(Match::confidence).orElse(0.0);

            assertThat(confidence).isLessThan(0.5);
        }

        @Test
        void ignoresEntriesInOtherLanguages() {
            assertThat(FaqMatcher.best("¿Cuándo llega mi pedido?", "en", FAQ).map(m -> m.entry().language()))
                    .isEmpty();
            assertThat(FaqMatcher.best("¿Cuándo llega mi pedido?", "es", FAQ).map(m -> m.entry().language()))
                    .contains("es");
            assertThat(FaqMatcher.best("How do I reset my password?", "fr", FAQ)).isEmpty();
        }

        @Test
        void copesWithNothingToMatch() {
            assertThat(FaqMatcher.best(null, "es", FAQ)).isEmpty();
            assertThat(FaqMatcher.best("horario", "es", List.of())).isEmpty();
            assertThat(FaqMatcher.best("horario", "es", null)).isEmpty();
            assertThat(FaqMatcher.best("horario", "es",
                    List.of(new FaqEntry("empty", "es", null, "nada")))).isEmpty();
        }
    }

    @Nested
    class Normalising {

        @Test
        void lowersCaseDropsAccentsAndPunctuation() {
            assertThat(Terms.normalise("¿Dónde   está mi PEDIDO?!  Año-2026")).isEqualTo("donde esta mi pedido ano 2026");
        }

        @Test
        void dropsStopWordsAndStems() {
            assertThat(Terms.of("¿Cuáles son los horarios de las tiendas?", "es")).containsExactly("horari", "tiend");
            assertThat(Terms.of("The passwords of the users", "en")).containsExactly("password", "user");
        }

        @Test
        void nearMissesCountForLess() {
            assertThat(FaqMatcher.stemSimilarity("password", "password")).isEqualTo(1.0);
            assertThat(FaqMatcher.stemSimilarity("pasword", "password")).isEqualTo(0.8);
            assertThat(FaqMatcher.stemSimilarity("passowrd", "password")).isEqualTo(0.8);
            assertThat(FaqMatcher.stemSimilarity("envi", "enviar")).isEqualTo(0.8);
            assertThat(FaqMatcher.stemSimilarity("cas", "casa")).isZero();
            assertThat(FaqMatcher.stemSimilarity("perro", "gato")).isZero();
            assertThat(FaqMatcher.stemSimilarity("order", "older")).isEqualTo(0.8);
            assertThat(FaqMatcher.stemSimilarity("cart", "card")).isZero();
        }
    }

    @Nested
    class WantsHuman {

        @ParameterizedTest
        @ValueSource(strings = {"Quiero hablar con un agente", "¡¡HUMANO!!", "Pásame con una persona, por favor",
                "¿Puedo hablar con alguien?", "hablar   con  alguien", "con un Agénte", "agentes", "operador",
                "I want to talk to an agent", "Human please", "Get me a representative", "OPERATOR!",
                "a real person"})
        void recognisesRequestsForAPerson(String text) {
            assertThat(FaqMatcher.wantsHuman(text)).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"Quiero cambiar mi agenda", "agenda", "personalizar mi pedido", "personal data",
                "the agency", "la humanidad", "hablar", "¿alguien sabe?", "Where is my order?", "operation failed",
                "superhuman"})
        void ignoresEverythingElse(String text) {
            assertThat(FaqMatcher.wantsHuman(text)).isFalse();
        }
    }
}
