package com.omnicanal.conversation.inbox;

import com.omnicanal.conversation.channel.OutboundMessage.Attachment;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import com.omnicanal.testing.MongoConverters;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.convert.UpdateMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbound batch's hand-built documents are what Spring Data's converter writes for the same message or change. */
class InboundDocumentsTest {

    private static final Instant AT = Instant.parse("2026-11-26T22:00:00.123Z");

    private final MappingMongoConverter converter = MongoConverters.bootLike();
    private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context =
            converter.getMappingContext();

    @Test
    void aMessageWithOrWithoutPlainHeadersIsStoredAsTheConverterStoresIt() {
        InboundMessage text = InboundMessage.text("whatsapp", "wamid.1", "whatsapp", "+34600111222", "Ana", "hola", AT);
        InboundMessage media = new InboundMessage("whatsapp", "wamid.2",
                List.of(new InboundMessage.SenderId("whatsapp", "+34600111222", true)), null, "[image]", AT,
                new InboundMessage.Details("media", null, List.of(new Attachment("photo.jpg", "image/jpeg", 0,
                        "whatsapp-media:9")), Map.of(), null, "inbound", "choice-3"));
        InboundMessage mail = new InboundMessage("email", "<m1@x>", List.of(new InboundMessage.SenderId("email",
                "a@example.com", false)), null, "hi", AT, new InboundMessage.Details("text", "Hi", List.of(),
                Map.of("Message-ID", "<m1@x>", "In-Reply-To", "<m0@y>"), null, "inbound")); // plain headers
        for (InboundMessage m : List.of(text, media, mail)) {
            Message stored = Inbox.stored(m, "c-1", "p-1");
            assertThat(InboundDocuments.hasHeaders(stored)).isFalse();
            assertThat(InboundDocuments.message(stored, "mark-1")).isEqualTo(converted(Inbox.withMarks(stored,
                    Set.of("mark-1"))));
        }
    }

    @Test
    void aMessageWithHeadersTheConverterMustEscapeIsLeftToIt() {
        InboundMessage mail = new InboundMessage("email", "<m1@x>", List.of(new InboundMessage.SenderId("email",
                "a@example.com", false)), null, "hi", AT, new InboundMessage.Details("text", "Hi", List.of(),
                Map.of("X-Spam.Score", "1"), null, "inbound"));
        assertThat(InboundDocuments.hasHeaders(Inbox.stored(mail, "c-1", "p-1"))).isTrue();
    }

    @Test
    void aQueuedOutboundMessageIsStoredAsTheConverterStoresIt() {
        Message mail = new Message("out:1", "c-1", "p-1", "outbound", "email", "text", null, null, "Hola", "Oferta",
                List.of(new Attachment("a.pdf", "application/pdf", 12, "https://x/a.pdf")),
                new java.util.LinkedHashMap<>(Map.of("Message-ID", "<1@omnicanal.local>")), "queued", AT, null, "r-1",
                null, null, AT, null, List.of("email:ana@example.com"), null);
        Message whatsapp = new Message("out:2", "c-1", "p-1", "outbound", "whatsapp", "template", "Ana", "agent-1",
                "Hola", null, null, Map.of(), "queued", AT, null, null, null, null, AT, null, List.of("whatsapp:+34600"),
                null);
        for (Message m : List.of(mail, whatsapp)) {
            assertThat(InboundDocuments.hasHeaders(m)).isFalse();
            assertThat(InboundDocuments.message(m, null)).as(m.id()).isEqualTo(converted(m));
        }
    }

    @Test
    void aSentMarkIsTheUpdateSpringDataSends() {
        org.springframework.data.mongodb.core.query.Update update = new com.omnicanal.support.outbox.PendingEvents(
                Set.of("mark-1")).mark(new org.springframework.data.mongodb.core.query.Update().set("status", "sent")
                .set("statusAt", AT).set("providerMessageId", "sbx-1"));
        Document mapped = new UpdateMapper(converter).getMappedObject(update.getUpdateObject(),
                context.getPersistentEntity(Message.class));
        assertThat(Outbound.sentMark("sbx-1", "mark-1", AT)).isEqualTo(mapped);
    }

    @Test
    void aTouchIsTheUpdateSpringDataSends() {
        Message first = message("whatsapp", AT);
        Message second = message("sms", AT.plusSeconds(5));
        Message third = message("whatsapp", AT.minusSeconds(3));
        List<Message> run = List.of(first, second, third);
        for (Conversation c : List.of(conversation("snoozed", null), conversation("open", AT.minusSeconds(60)),
                conversation("pending", AT.minusSeconds(60)), conversation("resolved", null))) {
            assertThat(InboundDocuments.touch(c, run)).as(c.status()).isEqualTo(mapped(Inbox.touch(c, run)));
            assertThat(InboundDocuments.touch(c, List.of(first))).as(c.status())
                    .isEqualTo(mapped(Inbox.touch(c, List.of(first))));
        }
    }

    @Test
    void aNewConversationAndItsPointerAreStoredAsTheConverterStoresThem() {
        Conversation inbound = Openings.conversation(new Openings.Opening("p-1", "whatsapp", "customer", "open", null,
                Map.of()), "c-1", AT);
        Conversation outbound = Openings.conversation(new Openings.Opening("p-1", "email", "outbound", "pending", "s-9",
                Map.of("whatsapp", AT.minusSeconds(90), "sms", AT.minusSeconds(30))), "c-2", AT);
        for (Conversation c : List.of(inbound, outbound)) {
            assertThat(Openings.marked(c, "mark-1")).isEqualTo(converted(c).append("_outbox", List.of("mark-1")));
        }
        assertThat(Openings.pointer("p-1", "c-1")).isEqualTo(converted(new CurrentConversation("p-1", "c-1")));
    }

    private Document converted(Object entity) {
        Document d = new Document();
        converter.write(entity, d);
        d.remove("_class"); // the type hint: one class per collection, so the hand-built documents leave it out
        return d;
    }

    private Document mapped(org.springframework.data.mongodb.core.query.Update update) {
        return new UpdateMapper(converter).getMappedObject(update.getUpdateObject(),
                context.getPersistentEntity(Conversation.class));
    }

    private static Message message(String channel, Instant at) {
        return Inbox.stored(InboundMessage.text(channel, "m-" + at.toEpochMilli(), channel, "+34600111222", null, "x", at),
                "c-1", "p-1");
    }

    private static Conversation conversation(String status, Instant awaitingReplySince) {
        return new Conversation("c-1", "p-1", status, Set.of("whatsapp"), "whatsapp", AT, AT, Map.of(),
                awaitingReplySince, null, null, null, null, null, Conversation.PRIORITY_NORMAL, null, null, null, Set.of());
    }
}
