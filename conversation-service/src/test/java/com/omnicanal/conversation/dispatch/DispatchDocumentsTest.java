package com.omnicanal.conversation.dispatch;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import com.omnicanal.testing.MongoConverters;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The batch path's hand-built dispatch documents are what Spring Data writes for the same claim or outcome. */
class DispatchDocumentsTest {

    private static final Instant AT = Instant.parse("2026-11-27T01:00:00.123Z");

    private final MappingMongoConverter converter = MongoConverters.bootLike();
    private final MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context =
            converter.getMappingContext();

    @Test
    void aClaimIsStoredAsTheConverterStoresIt() {
        for (String requestId : List.of("campaign:c-1:p-1", "6746a1b2c3d4e5f6a7b8c9d0")) { // the second reads as an ObjectId
            Document converted = new Document();
            converter.write(new Dispatch(requestId, "p-1", "marketing", Dispatch.SENDING, null, null, null, null, null,
                    List.of(), null, AT), converted);
            converted.remove("_class"); // one class per collection: the hand-built claim leaves the type hint out
            assertThat(Dispatch.claimed(requestId, "p-1", "marketing", AT)).as(requestId).isEqualTo(converted);
            assertThat(new Document("_id", Dispatch.key(requestId))).isEqualTo(new QueryMapper(converter)
                    .getMappedObject(query(where("_id").is(requestId)).getQueryObject(),
                            context.getPersistentEntity(Dispatch.class)));
        }
    }

    @Test
    void anOutcomeIsTheUpdateSpringDataSends() {
        List<String> decisions = List.of("email: chosen");
        for (Dispatcher.Outcome o : List.of(new Dispatcher.Outcome("sent", "email", "text", null, "out:1", "c-1", null),
                new Dispatcher.Outcome("deferred", null, null, null, null, null, AT.plusSeconds(3600)))) {
            Update update = new Update().set("status", o.status()).set("channel", o.channel()).set("kind", o.kind())
                    .set("form", o.form()).set("messageId", o.messageId()).set("conversationId", o.conversationId())
                    .set("decisions", decisions).set("deferredUntil", o.deferredUntil());
            assertThat(Dispatcher.outcome(o, decisions)).as(o.status()).isEqualTo(new UpdateMapper(converter)
                    .getMappedObject(update.getUpdateObject(), context.getPersistentEntity(Dispatch.class)));
        }
    }
}
