package com.omnicanal.support.outbox;

import com.omnicanal.testing.MongoConverters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-built outbox documents read back, through Spring Data's mapping, as the records they were made from. */
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
    void aBatchReadsBackEqualAndMatchesWhatSpringDataWouldWrite() {
        OutboxBatch batch = new OutboxBatch("batch-1", List.of(entry("t", "batch-1", "s"), entry(null, "batch-1", null)),
                now(), Set.of());
        Document spring = new Document();
        converter.write(batch, spring);
        spring.remove("_class");

        assertThat(converter.read(OutboxBatch.class, OutboxDocuments.of(batch))).isEqualTo(batch);
        assertThat(OutboxDocuments.of(batch)).isEqualTo(spring);
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
