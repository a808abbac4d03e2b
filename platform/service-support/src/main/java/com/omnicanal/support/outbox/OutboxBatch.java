package com.omnicanal.support.outbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The events of one bulk write staged as one document: one insert and one delete for the whole batch instead of one
 * each per event. Published, like single entries, only for the aggregates that carry their marks.
 */
@Document(OutboxBatch.COLLECTION)
record OutboxBatch(@Id String id, List<OutboxEntry> entries, Instant createdAt, Set<String> published) {

    static final String COLLECTION = "outbox_batches";

    OutboxBatch {
        published = published == null ? Set.of() : published;
    }
}
