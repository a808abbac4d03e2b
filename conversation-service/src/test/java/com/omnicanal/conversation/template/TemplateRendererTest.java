package com.omnicanal.conversation.template;

import com.omnicanal.conversation.template.TemplateDefinition.Localized;
import com.omnicanal.conversation.template.TemplateDefinition.WhatsAppTemplate;
import com.omnicanal.conversation.template.TemplateRenderer.Rendered;
import com.omnicanal.support.problem.InvalidRequestException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {

    private static final TemplateDefinition ORDER_SHIPPED = new TemplateDefinition("message", languages(
            "es", new Localized("Tu pedido {{order}}", "Hola {{name}}, tu pedido {{order}} ya está en camino.",
                    Map.of("sms", "Pedido {{order}} enviado")),
            "en", new Localized("Your order {{order}}", "Hi {{name}}, order {{order}} is on its way.", null)),
            new WhatsAppTemplate("order_shipped", true, List.of("name", "order")));

    private static final Map<String, Object> VARIABLES = Map.of("name", "Lucía", "order", "A-1001");

    private static Map<String, Localized> languages(Object... keysAndValues) {
        Map<String, Localized> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Localized) keysAndValues[i + 1]);
        }
        return map;
    }

    private static TemplateDefinition body(String body) {
        return new TemplateDefinition("canned", languages("es", new Localized(null, body, null)), null);
    }

    private static Rendered render(TemplateDefinition def, String language, String channel, Map<String, ?> variables) {
        return TemplateRenderer.render("test", def, language, "en", channel, variables);
    }

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                .singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(field)));
    }

    @Nested
    class Languages {

        @Test
        void rendersTheRequestedLanguage() {
            Rendered rendered = render(ORDER_SHIPPED, "es", "whatsapp", VARIABLES);

            assertThat(rendered.language()).isEqualTo("es");
            assertThat(rendered.subject()).isEqualTo("Tu pedido A-1001");
            assertThat(rendered.text()).isEqualTo("Hola Lucía, tu pedido A-1001 ya está en camino.");
        }

        @Test
        void aRegionalLanguageUsesItsBaseLanguage() {
            assertThat(render(ORDER_SHIPPED, "es-MX", "email", VARIABLES).language()).isEqualTo("es");
        }

        @Test
        void fallsBackToTheFallbackLanguageThenTheFirstOne() {
            assertThat(TemplateRenderer.render("t", ORDER_SHIPPED, "fr", "en", null, VARIABLES).language())
                    .isEqualTo("en");
            assertThat(TemplateRenderer.render("t", ORDER_SHIPPED, "fr", "de", null, VARIABLES).language())
                    .isEqualTo("es");
            assertThat(TemplateRenderer.render("t", ORDER_SHIPPED, null, null, null, VARIABLES).language())
                    .isEqualTo("es");
        }

        @Test
        void aTemplateWithoutLanguagesCannotRender() {
            assertRejected(() -> render(new TemplateDefinition("canned", Map.of(), null), "es", null, VARIABLES),
                    "template");
        }
    }

    @Nested
    class Channels {

        @Test
        void theChannelBodyBeatsTheBody() {
            assertThat(render(ORDER_SHIPPED, "es", "sms", VARIABLES).text()).isEqualTo("Pedido A-1001 enviado");
            assertThat(render(ORDER_SHIPPED, "es", "SMS", VARIABLES).text()).isEqualTo("Pedido A-1001 enviado");
        }

        @Test
        void otherChannelsUseTheBody() {
            assertThat(render(ORDER_SHIPPED, "es", "telegram", VARIABLES).text()).startsWith("Hola Lucía");
            assertThat(render(ORDER_SHIPPED, "es", null, VARIABLES).text()).startsWith("Hola Lucía");
            assertThat(render(ORDER_SHIPPED, "en", "sms", VARIABLES).text()).startsWith("Hi Lucía");
        }
    }

    @Nested
    class Text {

        @Test
        void doesNotEscapeHtml() {
            Rendered rendered = render(body("{{a}} {{{a}}} {{&a}}"), "es", null, Map.of("a", "Tom & <Jerry> \"'"));

            assertThat(rendered.text()).isEqualTo("Tom & <Jerry> \"' Tom & <Jerry> \"' Tom & <Jerry> \"'");
        }

        @Test
        void supportsSectionsListsAndNestedValues() {
            TemplateDefinition def = body("{{#vip}}⭐ {{/vip}}{{contact.name}}:{{#items}} {{sku}}x{{qty}}{{/items}}"
                    + "{{^items}} nada{{/items}}");
            Map<String, Object> variables = Map.of("vip", true, "contact", Map.of("name", "Ana"),
                    "items", List.of(Map.of("sku", "A", "qty", 2), Map.of("sku", "B", "qty", 1)));

            assertThat(render(def, "es", null, variables).text()).isEqualTo("⭐ Ana: Ax2 Bx1");
            assertThat(render(def, "es", null, Map.of("vip", false, "contact", Map.of("name", "Ana"), "items", List.of()))
                    .text()).isEqualTo("Ana: nada");
        }

        @Test
        void aSubjectIsOptional() {
            assertThat(render(body("hola"), "es", null, null).subject()).isNull();
        }

        @Test
        void namesTheMissingVariable() {
            assertRejected(() -> render(ORDER_SHIPPED, "es", null, Map.of("name", "Lucía")), "variables.order");
            assertRejected(() -> render(body("Hola {{name}}"), "es", null, null), "variables.name");
            assertRejected(() -> render(body("{{contact.name}}"), "es", null, Map.of("contact", Map.of())),
                    "variables.contact.name");
            assertRejected(() -> render(body("{{#items}}{{sku}}{{/items}}"), "es", null,
                    Map.of("items", List.of(Map.of("qty", 1)))), "variables.sku");
        }

        @Test
        void aNullValueIsMissing() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("name", null);

            assertRejected(() -> render(body("Hola {{name}}"), "es", null, variables), "variables.name");
        }

        @Test
        void aMissingSubjectVariableIsNamedToo() {
            TemplateDefinition def = new TemplateDefinition("message",
                    languages("en", new Localized("About {{topic}}", "Hello", null)), null);

            assertRejected(() -> render(def, "en", null, Map.of()), "variables.topic");
        }

        @Test
        void variablesInSectionsThatAreNotShownMayBeMissing() {
            assertThat(render(body("Hola{{#vip}} {{code}}{{/vip}}."), "es", null, Map.of("vip", false)).text())
                    .isEqualTo("Hola.");
            assertThat(render(body("Hola{{#vip}} {{code}}{{/vip}}."), "es", null, Map.of()).text()).isEqualTo("Hola.");
        }

        @Test
        void extraVariablesAreIgnoredAndValuesStringified() {
            assertThat(render(body("{{n}} {{price}}"), "es", null, Map.of("n", 3, "price", 9.5, "unused", "x")).text())
                    .isEqualTo("3 9.5");
        }
    }

    @Nested
    class WhatsAppParameters {

        @Test
        void areTheNamedValuesInOrder() {
            assertThat(render(ORDER_SHIPPED, "es", "whatsapp", VARIABLES).whatsappParameters())
                    .containsExactly("Lucía", "A-1001");
        }

        @Test
        void canReachIntoNestedValues() {
            TemplateDefinition def = new TemplateDefinition("message", languages("es", new Localized(null, "x", null)),
                    new WhatsAppTemplate("t", false, List.of("contact.name", "total")));

            assertThat(render(def, "es", null, Map.of("contact", Map.of("name", "Ana"), "total", 12)).whatsappParameters())
                    .containsExactly("Ana", "12");
        }

        @Test
        void areEmptyWithoutAWhatsAppTemplate() {
            assertThat(render(body("hola"), "es", null, null).whatsappParameters()).isEmpty();
        }

        @Test
        void mustAllBeGiven() {
            TemplateDefinition def = new TemplateDefinition("message", languages("es", new Localized(null, "x", null)),
                    new WhatsAppTemplate("t", true, List.of("name", "coupon")));

            assertRejected(() -> render(def, "es", null, Map.of("name", "Ana")), "variables.coupon");
        }
    }

    @Nested
    class Validation {

        @Test
        void acceptsAGoodDefinition() {
            assertThatCode(() -> TemplateRenderer.validate(ORDER_SHIPPED)).doesNotThrowAnyException();
            assertThatCode(() -> TemplateRenderer.validate(new TemplateDefinition("canned",
                    languages("es-ES", new Localized(null, "{{=<% %>=}}Hola <%name%>", null)), null)))
                    .doesNotThrowAnyException();
        }

        @Test
        void rejectsAnUnknownKind() {
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("email", ORDER_SHIPPED.languages(), null)),
                    "kind");
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition(null, ORDER_SHIPPED.languages(), null)),
                    "kind");
        }

        @Test
        void rejectsMissingLanguages() {
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("canned", Map.of(), null)), "languages");
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("canned", null, null)), "languages");
            assertRejected(() -> TemplateRenderer.validate(null), "template");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ES", "es_ES", "spa", "es-es", "e", "es-ESP", " es"})
        void rejectsBadLanguageKeys(String key) {
            TemplateDefinition def = new TemplateDefinition("canned", languages(key, new Localized(null, "hola", null)), null);

            assertRejected(() -> TemplateRenderer.validate(def), "languages." + key);
        }

        @Test
        void rejectsAnEmptyLanguage() {
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("canned", languages("es", null), null)),
                    "languages.es");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", "\n"})
        void rejectsBlankBodies(String body) {
            assertRejected(() -> TemplateRenderer.validate(body(body)), "languages.es.body");
        }

        @Test
        void rejectsANullBody() {
            assertRejected(() -> TemplateRenderer.validate(body(null)), "languages.es.body");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{{#open}}never closed", "{{/closed}}", "{{#a}}x{{/b}}", "Hola {{name", "{{> header}}"})
        void rejectsUnparseableMustache(String source) {
            assertRejected(() -> TemplateRenderer.validate(body(source)), "languages.es.body");
        }

        @Test
        void rejectsUnparseableSubjectsAndChannelBodies() {
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("message",
                    languages("es", new Localized("{{#x}}", "hola", null)), null)), "languages.es.subject");
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("message",
                    languages("es", new Localized(null, "hola", Map.of("sms", "{{/x}}"))), null)),
                    "languages.es.channelBodies.sms");
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("message",
                    languages("es", new Localized(null, "hola", Map.of("sms", " "))), null)),
                    "languages.es.channelBodies.sms");
        }

        @Test
        void rejectsAWhatsAppTemplateWithoutAName() {
            for (String name : Arrays.asList(null, "", "  ")) {
                assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("message",
                        ORDER_SHIPPED.languages(), new WhatsAppTemplate(name, true, List.of()))), "whatsapp.name");
            }
        }

        @Test
        void rejectsBadWhatsAppParameterNames() {
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("message", ORDER_SHIPPED.languages(),
                    new WhatsAppTemplate("t", true, List.of("name", "}} oops")))), "whatsapp.parameters[1]");
            assertRejected(() -> TemplateRenderer.validate(new TemplateDefinition("message", ORDER_SHIPPED.languages(),
                    new WhatsAppTemplate("t", true, Arrays.asList((String) null)))), "whatsapp.parameters[0]");
        }
    }

    @Nested
    class Caching {

        @Test
        void compilesEachSourceOnce() {
            String source = "cache test {{x}} " + System.nanoTime();

            assertThat(PlainTextMustache.compile(source)).isSameAs(PlainTextMustache.compile(source));
        }

        @Test
        void staysBounded() {
            for (int i = 0; i < 1_000; i++) {
                PlainTextMustache.compile("bounded {{x}} " + i);
            }

            assertThat(PlainTextMustache.cached()).isLessThanOrEqualTo(512);
        }
    }
}
