package com.omnicanal.conversation.template;

import com.github.mustachejava.MustacheException;
import com.omnicanal.conversation.template.PlainTextMustache.MissingVariable;
import com.omnicanal.conversation.template.TemplateDefinition.Localized;
import com.omnicanal.conversation.template.TemplateDefinition.WhatsAppTemplate;
import com.omnicanal.support.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Renders templates as plain text for one language and channel, and validates definitions. */
final class TemplateRenderer {

    private static final Set<String> KINDS = Set.of("canned", "message");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final Pattern VARIABLE = Pattern.compile("[\\p{L}\\p{N}_.-]+");

    private TemplateRenderer() {
    }

    /**
     * Renders the template in the requested language (or its base language: "es-MX" falls back to "es"),
     * else the fallback language, else the first one defined. Variables missing from {@code variables}
     * are reported as {@code variables.<name>}.
     */
    static Rendered render(String templateName, TemplateDefinition def, String language, String fallbackLanguage,
            String channel, Map<String, ?> variables) {
        if (def == null || def.languages() == null || def.languages().isEmpty()) {
            throw new InvalidRequestException("template", "template " + templateName + " has no languages");
        }
        Map<String, ?> values = variables == null ? Map.of() : variables;
        String chosen = chooseLanguage(def.languages(), language, fallbackLanguage);
        Localized localized = def.languages().get(chosen);
        String subject = localized.subject() == null ? null : fill(templateName, localized.subject(), values);
        String text = fill(templateName, bodyFor(localized, channel), values);
        return new Rendered(chosen, subject, text, whatsappParameters(templateName, def.whatsapp(), values));
    }

    /** Throws {@link InvalidRequestException} naming the first field that is wrong. */
    static void validate(TemplateDefinition def) {
        if (def == null) {
            throw new InvalidRequestException("template", "is required");
        }
        if (def.kind() == null || !KINDS.contains(def.kind())) {
            throw new InvalidRequestException("kind", "must be one of " + KINDS);
        }
        if (def.languages() == null || def.languages().isEmpty()) {
            throw new InvalidRequestException("languages", "needs at least one language");
        }
        def.languages().forEach(TemplateRenderer::validateLanguage);
        if (def.whatsapp() != null) {
            validateWhatsApp(def.whatsapp());
        }
    }

    private static void validateLanguage(String language, Localized localized) {
        String field = "languages." + language;
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new InvalidRequestException(field, "expected a language like es or es-ES");
        }
        if (localized == null) {
            throw new InvalidRequestException(field, "is empty");
        }
        if (localized.body() == null || localized.body().isBlank()) {
            throw new InvalidRequestException(field + ".body", "must not be blank");
        }
        parses(field + ".body", localized.body());
        if (localized.subject() != null) {
            parses(field + ".subject", localized.subject());
        }
        localized.channelBodies().forEach((channel, body) -> {
            if (body == null || body.isBlank()) {
                throw new InvalidRequestException(field + ".channelBodies." + channel, "must not be blank");
            }
            parses(field + ".channelBodies." + channel, body);
        });
    }

    private static void validateWhatsApp(WhatsAppTemplate whatsapp) {
        if (whatsapp.name() == null || whatsapp.name().isBlank()) {
            throw new InvalidRequestException("whatsapp.name", "must not be blank");
        }
        List<String> parameters = whatsapp.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null || !VARIABLE.matcher(parameters.get(i)).matches()) {
                throw new InvalidRequestException("whatsapp.parameters[" + i + "]", "must be a variable name");
            }
        }
    }

    private static void parses(String field, String source) {
        try {
            PlainTextMustache.compile(source);
        } catch (MustacheException e) {
            throw new InvalidRequestException(field, "is not a valid Mustache template: " + e.getMessage());
        }
    }

    static String chooseLanguage(Map<String, Localized> languages, String language, String fallbackLanguage) {
        return available(languages, language)
                .or(() -> available(languages, fallbackLanguage))
                .orElseGet(() -> languages.keySet().iterator().next());
    }

    private static Optional<String> available(Map<String, Localized> languages, String language) {
        if (language == null || language.isBlank()) {
            return Optional.empty();
        }
        if (languages.containsKey(language)) {
            return Optional.of(language);
        }
        String base = language.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return languages.containsKey(base) ? Optional.of(base) : Optional.empty();
    }

    private static String bodyFor(Localized localized, String channel) {
        if (channel == null) {
            return localized.body();
        }
        return localized.channelBodies().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(channel) && e.getValue() != null && !e.getValue().isBlank())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(localized.body());
    }

    private static List<String> whatsappParameters(String templateName, WhatsAppTemplate whatsapp, Map<String, ?> values) {
        if (whatsapp == null) {
            return List.of();
        }
        List<String> parameters = new ArrayList<>();
        for (String name : whatsapp.parameters()) {
            // the same lookup as the text, so "contact.name" reaches into nested maps here too
            parameters.add(fill(templateName, "{{" + name + "}}", values));
        }
        return List.copyOf(parameters);
    }

    private static String fill(String templateName, String source, Map<String, ?> values) {
        try {
            return PlainTextMustache.render(source, values);
        } catch (MissingVariable e) {
            throw new InvalidRequestException("variables." + e.name(),
                    "is used by template " + templateName + " but was not given");
        } catch (MustacheException e) {
            throw new InvalidRequestException("template", "template " + templateName + " does not render: " + e.getMessage());
        }
    }

    /** A template ready to send: the language used, the subject (null when none) and text, and the WhatsApp parameters. */
    record Rendered(String language, String subject, String text, List<String> whatsappParameters) {
    }
}
