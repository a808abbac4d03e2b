package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompactDocumentsTest {

    @Test
    @SuppressWarnings("unchecked")
    void aReadIsAFreshCopyThatChangesNothingStored() {
        CompactDocuments documents = new CompactDocuments();
        int position = documents.add(new Document("_id", "a").append("at", Instant.ofEpochMilli(5))
                .append("history", new ArrayList<>(List.of(new Document("action", "queued")))));

        Document read = documents.get(position);
        read.put("status", "sent");
        ((List<Object>) read.get("history")).add("more"); // the decoder's own list

        assertThat(documents.get(position)).isNotSameAs(documents.get(position))
                .isEqualTo(new Document("_id", "a").append("at", Instant.ofEpochMilli(5))
                        .append("history", List.of(new Document("action", "queued"))));
    }

    @Test
    void aRemovedPlaceIsReusedAndSkippedUntilThenInBothOrders() {
        CompactDocuments documents = new CompactDocuments();
        for (String id : List.of("a", "b", "c")) {
            documents.add(new Document("_id", id));
        }
        documents.remove(1);

        assertThat(documents.get(1)).isNull();
        assertThat(documents.count()).isEqualTo(2);
        assertThat(documents.positions().toArray()).containsExactly(0, 2);
        assertThat(documents.positionsDescending().toArray()).containsExactly(2, 0);

        assertThat(documents.add(new Document("_id", "d"))).isEqualTo(1);
        documents.set(0, new Document("_id", "a").append("n", 1));
        assertThat(documents.positions().mapToObj(documents::get).toList()).containsExactly(
                new Document("_id", "a").append("n", 1), new Document("_id", "d"), new Document("_id", "c"));
    }
}
