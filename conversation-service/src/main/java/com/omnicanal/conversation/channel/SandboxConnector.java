package com.omnicanal.conversation.channel;

import com.omnicanal.conversation.writes.GroupedWrites;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sandbox mode: the outbound message is kept (and listed by the sandbox API) instead of reaching a provider; its
 * provider id lets the sandbox play the provider's later status callbacks and the customer's tap on its choices.
 */
@Component
public class SandboxConnector {

    static final String COLLECTION = "sandbox_outbox";

    private final MongoTemplate mongo;
    private final GroupedWrites grouped;

    SandboxConnector(MongoTemplate mongo, GroupedWrites grouped) {
        this.mongo = mongo;
        this.grouped = grouped;
    }

    /** One kept message, as a provider would have received it; {@code interactive} with its form and choices. */
    public record Kept(String providerMessageId, String messageId, String channel, String to, String kind, String text,
                       String subject, String template, List<String> templateParameters, Interactive interactive,
                       String form, Instant at) {
    }

    ProviderReceipt send(OutboundMessage message) {
        String id = providerId(message);
        grouped.insert(COLLECTION, new Document("_id", id).append("messageId", message.messageId()).append("channel", message.channel())
                .append("to", message.address()).append("kind", message.kind()).append("text", message.text())
                .append("subject", message.subject()).append("template", message.template())
                .append("templateParameters", message.templateParameters())
                .append("interactive", message.interactive() == null ? null : document(message.interactive()))
                .append("form", message.interactive() == null ? null : message.interactive().form())
                .append("at", Instant.now()));
        return new ProviderReceipt(id);
    }

    /** The id the channel's provider would give it: a mail keeps our Message-ID, as an SMTP server does. */
    private static String providerId(OutboundMessage message) {
        String mailId = "email".equals(message.channel()) && message.headers() != null
                ? message.headers().get("Message-ID") : null;
        return mailId != null ? mailId : "sbx-" + message.channel() + "-" + UUID.randomUUID();
    }

    public List<Kept> list(String channel, String to, int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        if (channel != null) {
            query.addCriteria(where("channel").is(channel));
        }
        if (to != null) {
            query.addCriteria(where("to").is(to));
        }
        return mongo.find(query, Document.class, COLLECTION).stream().map(SandboxConnector::kept).toList();
    }

    public Optional<Kept> find(String providerMessageId) {
        return Optional.ofNullable(mongo.findById(providerMessageId, Document.class, COLLECTION)).map(SandboxConnector::kept);
    }

    @SuppressWarnings("unchecked")
    private static Kept kept(Document d) {
        return new Kept(d.getString("_id"), d.getString("messageId"), d.getString("channel"), d.getString("to"),
                d.getString("kind"), d.getString("text"), d.getString("subject"), d.getString("template"),
                (List<String>) d.get("templateParameters"), interactive(d.get("interactive", Document.class)),
                d.getString("form"), d.getDate("at").toInstant());
    }

    private static Document document(Interactive interactive) {
        return new Document("body", interactive.body()).append("button", interactive.button()).append("choices",
                interactive.choices().stream().map(c -> new Document("id", c.id()).append("title", c.title())
                        .append("description", c.description())).toList());
    }

    private static Interactive interactive(Document d) {
        return d == null ? null : new Interactive(d.getString("body"), d.getString("button"), d.getList("choices",
                Document.class).stream().map(c -> new Interactive.Choice(c.getString("id"), c.getString("title"),
                c.getString("description"))).toList());
    }
}
