package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The lean index computes the same keys as the library's for every kind of document it may see. */
class LeanUniqueIndexTest {

    static Stream<Object[]> documents() {
        List<IndexKey> idRevision = List.of(new IndexKey("_id", true), new IndexKey("revision", true));
        List<IndexKey> nested = List.of(new IndexKey("a.b", true));
        List<IndexKey> id = List.of(new IndexKey("_id", true));
        return Stream.of(
                new Object[] {idRevision, new Document("_id", "e-1").append("revision", 3)},
                new Object[] {idRevision, new Document("_id", "e-1").append("revision", 3L)}, // numbers normalised
                new Object[] {idRevision, new Document("_id", "e-1").append("revision", 3.0)},
                new Object[] {idRevision, new Document("_id", "e-1")}, // absent
                new Object[] {idRevision, new Document("_id", "e-1").append("revision", null)},
                new Object[] {idRevision, new Document("_id", "e-1").append("revision", List.of(1, 2))}, // an array
                new Object[] {id, new Document("_id", new Document("k", 1).append("l", "x"))},
                new Object[] {id, new Document("_id", new Date(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli()))},
                new Object[] {nested, new Document("a", new Document("b", 7))},
                new Object[] {nested, new Document("a", List.of(new Document("b", 1), new Document("b", 2)))});
    }

    @ParameterizedTest
    @MethodSource("documents")
    void keysAreTheLibrarys(List<IndexKey> keys, Document document) {
        MemoryUniqueIndex library = new MemoryUniqueIndex("i", keys, false);
        LeanUniqueIndex lean = new LeanUniqueIndex("i", keys, false);

        assertThat(lean.getKeyValues(document)).isEqualTo(library.getKeyValues(document));
    }
}
