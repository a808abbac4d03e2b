package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.campaign.tracking.TrackedLinks;
import com.omnicanal.support.contacts.ContactCards;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A send step: the phase's channels (primary, then support, then read-only; minus those that failed), the content in
 * the customer's language with their variables, through dispatch — whose every decision is kept as the explanation.
 */
@Component
class SendStep {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
    private static final List<String> ROLES = List.of("primary", "support", "read-only");

    private final Dispatches dispatches;
    private final MongoTemplate mongo;
    private final TrackedLinks links;

    SendStep(Dispatches dispatches, MongoTemplate mongo, TrackedLinks links) {
        this.dispatches = dispatches;
        this.mongo = mongo;
        this.links = links;
    }

    record Result(String outcome, String channel, String requestId, String explanation, Instant until) {
    }

    Result send(Enrollment e, JourneyDefinition d, Phase phase, Step step, String purpose,
                Optional<ContactCards.Contact> contact) {
        List<String> channels = phase.channels().stream()
                .sorted(Comparator.comparingInt(c -> ROLES.indexOf(c.role())))
                .map(JourneyDefinition.PhaseChannel::channel)
                .filter(c -> !c.equals("phone")) // calls are agent tasks, never a dispatch
                .filter(c -> e.excluded() == null || !e.excluded().contains(c)).toList();
        Map<String, String> variables = variables(e, d, contact);
        String language = variables.getOrDefault("language", "es");
        JourneyDefinition.Content content = step.content() == null ? null
                : step.content().getOrDefault(language, step.content().values().iterator().next());
        String requestId = e.id() + ":" + step.id() + ":" + e.attempt();
        TrackedLinks.Recipient recipient = new TrackedLinks.Recipient(requestId, e.id(), e.profileId(), e.journeyId(),
                phase.id(), step.id(), e.variant());
        Dispatches.Answer answer = dispatches.send(requestId, e.profileId(), purpose, channels,
                content == null ? null : links.rewrite(render(content.text(), variables), recipient),
                content == null || content.subject() == null ? null : render(content.subject(), variables),
                step.template(), step.template() == null ? Map.of() : variables, language); // only a template reads them
        String why = purpose + " on " + channels + ": " + String.join("; ", answer.decisions());
        return switch (answer.status()) {
            case "sent" -> new Result("sent", answer.channel(), requestId, why, null);
            case "deferred" -> new Result("deferred", null, requestId, why, answer.deferredUntil());
            default -> new Result("suppressed", null, requestId, why, null);
        };
    }

    String task(Enrollment e, Phase phase, Step step) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("enrollmentId", e.id()).append("profileId", e.profileId())
                .append("journeyId", e.journeyId()).append("phase", phase.id()).append("step", step.id())
                .append("team", step.team()).append("script", step.script()).append("dispositions", step.dispositions())
                .append("state", "open").append("attempt", 1).append("dueAt", Instant.now())
                .append("createdAt", Instant.now()), "tasks");
        return id;
    }

    private static Map<String, String> variables(Enrollment e, JourneyDefinition d, Optional<ContactCards.Contact> contact) {
        Map<String, String> variables = new HashMap<>();
        contact.ifPresent(c -> {
            put(variables, "name", c.name());
            put(variables, "firstName", c.name() == null ? null : c.name().split(" ")[0]);
            put(variables, "email", c.email());
            put(variables, "phone", c.phone());
            put(variables, "language", c.language());
        });
        put(variables, "journey.name", d.name());
        if (e.context() != null) {
            e.context().forEach((k, v) -> put(variables, "activity." + k, v == null ? null : v.toString()));
        }
        return variables;
    }

    private static void put(Map<String, String> variables, String key, String value) {
        if (value != null) {
            variables.put(key, value);
        }
    }

    static String render(String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }
}
