package com.omnicanal.support.outbox;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Outbox entries and batches as the store documents Spring Data would write for them, built by hand: the object
 * mapping was a fifth of a busy service's outbox cost (profiled), and these documents are written once per event.
 * Read back through Spring Data as usual ({@code OutboxDocumentsTest} holds the two forms equal).
 */
final class OutboxDocuments {

    private OutboxDocuments() {
    }

    static Document of(OutboxBatch batch) {
        List<Document> entries = new ArrayList<>(batch.entries().size());
        batch.entries().forEach(e -> entries.add(of(e)));
        return new Document("_id", batch.id()).append("entries", entries).append("createdAt", date(batch.createdAt()))
                .append("published", new ArrayList<>(batch.published()));
    }

    static Document of(OutboxEntry e) {
        Document d = new Document("_id", e.id()).append("type", e.type()).append("exchange", e.exchange())
                .append("source", e.source());
        optional(d, "subject", e.subject());
        d.append("time", date(e.time())).append("payload", e.payload())
                .append("aggregateCollection", e.aggregateCollection()).append("aggregateId", e.aggregateId());
        optional(d, "traceparent", e.traceparent());
        d.append("createdAt", date(e.createdAt()));
        optional(d, "batchId", e.batchId());
        return d;
    }

    /** Spring Data leaves null properties out; so do we. */
    private static void optional(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    private static Date date(java.time.Instant at) {
        return at == null ? null : Date.from(at);
    }
}
