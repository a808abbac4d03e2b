package com.omnicanal.conversation.template;

import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registered templates and canned responses, rendered for the channel and the customer's language at send time. */
@Component
public class Templates {

    private final MongoTemplate mongo;
    private final String defaultLanguage;

    Templates(MongoTemplate mongo, @Value("${omni.templates.default-language:es}") String defaultLanguage) {
        this.mongo = mongo;
        this.defaultLanguage = defaultLanguage;
    }

    @Document("templates")
    record Stored(@org.springframework.data.annotation.Id String name, TemplateDefinition definition) {
    }

    /** What goes out: the text (also shown in the thread) and, for a WhatsApp template, its name and parameters. */
    public record Rendered(String text, String subject, String whatsappTemplate, String language, List<String> parameters) {
    }

    Optional<TemplateDefinition> find(String name) {
        return Optional.ofNullable(mongo.findById(name, Stored.class)).map(Stored::definition);
    }

    void save(String name, TemplateDefinition definition) {
        TemplateRenderer.validate(definition);
        mongo.save(new Stored(name, definition));
    }

    List<Stored> all() {
        return mongo.findAll(Stored.class);
    }

    void delete(String name) {
        mongo.remove(new Stored(name, null));
    }

    /** Fails with a problem naming the field when a named template does not exist. */
    public void check(String name, Map<String, String> variables) {
        if (name != null && find(name).isEmpty()) {
            throw new InvalidRequestException("template", "no such template '" + name + "'");
        }
    }

    public boolean approvedForWhatsApp(String name) {
        return name != null && find(name).map(TemplateDefinition::whatsapp).map(TemplateDefinition.WhatsAppTemplate::approved).orElse(false);
    }

    /** Renders for one channel; {@code kind} template means the approved WhatsApp template is what is sent. */
    public Rendered render(String name, String text, String subject, Map<String, String> variables, String language,
                           String channel, String kind) {
        String lang = language == null ? defaultLanguage : language;
        if (name == null) {
            return new Rendered(text, subject, null, lang, List.of());
        }
        TemplateDefinition definition = find(name).orElseThrow(
                () -> new InvalidRequestException("template", "no such template '" + name + "'"));
        var rendered = TemplateRenderer.render(name, definition, lang, defaultLanguage, channel, variables);
        boolean whatsappTemplate = "template".equals(kind);
        return new Rendered(rendered.text(), rendered.subject() != null ? rendered.subject() : subject,
                whatsappTemplate ? definition.whatsapp().name() : null, rendered.language(),
                whatsappTemplate ? rendered.whatsappParameters() : List.of());
    }
}
