package com.omnicanal.support.outbox;

import com.omnicanal.support.batch.RawDocuments;
import org.bson.BsonBinaryReader;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;

/**
 * Outbox entries and batches as store documents, built by hand: the object mapping was a fifth of a busy service's
 * outbox cost (profiled), and these documents are written once per event. An entry is the document Spring Data would
 * write ({@code OutboxDocumentsTest} holds the two forms equal). A batch keeps its entries as one BSON binary: the store
 * never queries inside them, and parsing every entry's fields and payload was a large share of the embedded store's
 * request decoding in a broadcast; batches written as an array of entries (before) are still read.
 */
final class OutboxDocuments {

    static final String ENTRIES = "entries";
    private static final DocumentCodec CODEC = new DocumentCodec();

    private OutboxDocuments() {
    }

    static Document of(OutboxBatch batch, CodecRegistry registry) {
        List<Document> entries = new ArrayList<>(batch.entries().size());
        batch.entries().forEach(e -> entries.add(of(e)));
        RawBsonDocument packed = RawDocuments.of(new Document(ENTRIES, entries), registry);
        byte[] bytes = new byte[packed.getByteBuffer().remaining()];
        packed.getByteBuffer().asNIO().get(bytes);
        return new Document("_id", batch.id()).append(ENTRIES, new Binary(bytes))
                .append("createdAt", date(batch.createdAt())).append("published", new ArrayList<>(batch.published()));
    }

    /** A stored batch, its entries packed (as {@link #of(OutboxBatch, CodecRegistry)} writes them) or an array. */
    static OutboxBatch batch(Document stored, MongoConverter converter) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Document entry : entriesOf(stored)) {
            entries.add(converter.read(OutboxEntry.class, entry));
        }
        Date createdAt = stored.getDate("createdAt");
        return new OutboxBatch(stored.getString("_id"), entries, createdAt == null ? null : createdAt.toInstant(),
                new HashSet<>(stored.getList("published", String.class, List.of())));
    }

    private static List<Document> entriesOf(Document stored) {
        Object entries = stored.get(ENTRIES);
        if (entries instanceof Binary packed) {
            Document unpacked = CODEC.decode(new BsonBinaryReader(ByteBuffer.wrap(packed.getData())),
                    DecoderContext.builder().build());
            return unpacked.getList(ENTRIES, Document.class);
        }
        return stored.getList(ENTRIES, Document.class, List.of());
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
