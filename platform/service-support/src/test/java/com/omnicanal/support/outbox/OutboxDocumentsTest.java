package com.omnicanal.support.outbox;

import com.omnicanal.testing.MongoConverters;
import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-built outbox documents read back as the records they were made from (entries through Spring Data's mapping). */
class OutboxDocumentsTest {

    private final MappingMongoConverter converter = MongoConverters.bootLike();

    @Test
    void anEntryWithEveryFieldReadsBackEqual() {
        OutboxEntry entry = entry("trace-1", "batch-1", "subject-1");

        assertThat(converter.read(OutboxEntry.class, OutboxDocuments.of(entry))).isEqualTo(entry);
    }

    @Test
    void anEntryWithoutItsOptionalFieldsReadsBackEqualAndStoresNoNulls() {
        OutboxEntry entry = entry(null, null, null);
        Document stored = OutboxDocuments.of(entry);

        assertThat(converter.read(OutboxEntry.class, stored)).isEqualTo(entry);
        assertThat(stored).doesNotContainKeys("traceparent", "batchId", "subject");
    }

    @Test
    void aBatchKeepsItsEntriesPackedAndReadsBackEqual() {
        OutboxBatch batch = new OutboxBatch("batch-1", List.of(entry("t", "batch-1", "s"), entry(null, "batch-1", null)),
                now(), Set.of("published-1"));
        Document stored = OutboxDocuments.of(batch, MongoClientSettings.getDefaultCodecRegistry());

        assertThat(stored.get(OutboxDocuments.ENTRIES)).isInstanceOf(Binary.class);
        assertThat(OutboxDocuments.batch(stored, converter)).isEqualTo(batch);
    }

    @Test
    void aBatchStoredAsAnArrayOfEntriesBeforeIsStillRead() {
        OutboxBatch batch = new OutboxBatch("batch-1", List.of(entry("t", "batch-1", "s"), entry(null, "batch-1", null)),
                now(), Set.of());
        Document spring = new Document();
        converter.write(batch, spring);

        assertThat(spring.get(OutboxDocuments.ENTRIES)).isInstanceOf(List.class);
        assertThat(OutboxDocuments.batch(spring, converter)).isEqualTo(batch);
    }

    private static OutboxEntry entry(String traceparent, String batchId, String subject) {
        Instant at = now();
        return new OutboxEntry(java.util.UUID.randomUUID().toString(), "omni.profile.created.v1", "omni.profile",
                "/omnicanal/test", subject, at, "{\"profileId\":\"p-1\"}", "profiles", "p-1", traceparent,
                at.plusMillis(1), batchId);
    }

    /** The store keeps milliseconds. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
