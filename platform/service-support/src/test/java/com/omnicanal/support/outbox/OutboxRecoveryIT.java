package com.omnicanal.support.outbox;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.support.fixture.SideEffects;
import com.omnicanal.support.fixture.SupportServiceTest;
import com.omnicanal.support.fixture.Widgets;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a crash leaves behind: events staged by a process that died before its relay ran. Only those whose state
 * write happened (the aggregate carries their mark) may reach the broker.
 */
@SupportServiceTest
class OutboxRecoveryIT {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    SideEffects effects;
    @Autowired
    JsonMapper json;
    @Autowired
    OutboxRelay relay;

    @Test
    void aWriteThatHappenedIsPublishedAndAnAbandonedStagingIsDropped() {
        String written = UUID.randomUUID().toString();
        String neverWritten = UUID.randomUUID().toString();
        OutboxEntry publishable = staged(written, Instant.now().minusSeconds(2));
        OutboxEntry abandoned = staged(neverWritten, Instant.now().minusSeconds(2));
        mongo.insert(List.of(publishable, abandoned), OutboxEntry.class);
        mongo.insert(new Document("_id", written).append(PendingEvents.FIELD, List.of(publishable.id())),
                Widgets.COLLECTION);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.count(written) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(abandoned.id(), OutboxEntry.class) == null);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(publishable.id(), OutboxEntry.class) == null);
        assertThat(mongo.findById(written, Document.class, Widgets.COLLECTION).getList(PendingEvents.FIELD, String.class))
                .as("the mark is cleared once the broker confirmed").isEmpty();
        assertThat(effects.count(neverWritten)).isZero();
    }

    @Test
    void aBatchLeftByACrashPublishesWhatWasWrittenOnceAndWaitsForTheRest() {
        String batchId = UUID.randomUUID().toString();
        String written = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        Instant staged = Instant.now().minusSeconds(1); // the late write below must land within abandon-after (20 s)
        OutboxEntry first = staged(written, staged).inBatch(batchId);
        OutboxEntry second = staged(late, staged).inBatch(batchId);
        mongo.insert(OutboxDocuments.of(new OutboxBatch(batchId, List.of(first, second), staged, Set.of()),
                mongo.getCollection(OutboxBatch.COLLECTION).getCodecRegistry()), OutboxBatch.COLLECTION); // as staged
        mongo.insert(new Document("_id", written).append(PendingEvents.FIELD, List.of(first.id())), Widgets.COLLECTION);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.count(written) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(batchId, Document.class, OutboxBatch.COLLECTION)
                .getList("published", String.class).contains(first.id()));
        assertThat(relay.recover()).as("what a pass sent is not sent again").isZero();

        mongo.insert(new Document("_id", late).append(PendingEvents.FIELD, List.of(second.id())), Widgets.COLLECTION);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects.count(late) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(batchId, Document.class, OutboxBatch.COLLECTION) == null);
        assertThat(effects.count(written)).isEqualTo(1);
    }

    @Test
    void aBacklogLargerThanABatchIsPublishedPassAfterPass() {
        Instant at = Instant.now().minusSeconds(2);
        List<String> aggregates = new java.util.ArrayList<>();
        int perAggregate = 500;
        for (int a = 0; a < 10; a++) { // a segment build's chunks: each change document carries its 500 events' marks
            String aggregate = UUID.randomUUID().toString();
            aggregates.add(aggregate);
            List<OutboxEntry> entries = java.util.stream.IntStream.range(0, perAggregate)
                    .mapToObj(i -> staged(aggregate, at)).toList();
            mongo.insert(entries, OutboxEntry.class);
            mongo.insert(new Document("_id", aggregate).append(PendingEvents.FIELD, entries.stream().map(OutboxEntry::id)
                    .toList()), Widgets.COLLECTION);
        }

        // ten batches' worth: before, one batch went per recovery interval (1 s here), the last after ~10 s
        await().atMost(Duration.ofSeconds(6)).until(() -> aggregates.stream().allMatch(id -> mongo.findById(id,
                Document.class, Widgets.COLLECTION).getList(PendingEvents.FIELD, String.class).isEmpty()));
        await().atMost(Duration.ofSeconds(30)).until(() -> aggregates.stream()
                .allMatch(id -> effects.count(id) == perAggregate));
    }

    private OutboxEntry staged(String aggregateId, Instant at) {
        ProfileCreated event = new ProfileCreated(aggregateId, "staged before a crash", null, null, 1, at);
        return new OutboxEntry(UUID.randomUUID().toString(), "omni.profile.created.v1", "omni.profile",
                "/omnicanal/support-test", aggregateId, at, json.writeValueAsString(event), Widgets.COLLECTION,
                aggregateId, null, at, null);
    }
}
