package com.omnicanal.support.batch;

import com.omnicanal.support.fixture.SupportServiceTest;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Plain-document reads by ids answer what the template answers, whichever way they go (the driver's or its own). */
@SupportServiceTest
class ByIdsIT {

    private static final String COLLECTION = "byids_it";

    @Autowired
    MongoTemplate mongo;

    @Test
    void plainAndProjectedReadsAnswerAsTheTemplate() {
        String run = UUID.randomUUID().toString();
        List<String> ids = IntStream.range(0, 2 * ByIds.CHUNK + 3).mapToObj(i -> run + ":" + i).toList();
        ids.forEach(id -> mongo.insert(new Document("_id", id).append("n", id.length()).append("at", new Date(5))
                .append("amount", new Decimal128(new BigDecimal("9.90"))).append("tags", List.of("a", "b"))
                .append("nested", new Document("x", 1)), COLLECTION));
        List<String> asked = new ArrayList<>(ids.subList(1, ids.size()));
        asked.add(run + ":missing");
        UnaryOperator<Query> projected = q -> {
            q.fields().include("n", "nested");
            return q;
        };

        assertThat(sorted(ByIds.find(mongo, asked, Document.class, COLLECTION))).hasSize(ids.size() - 1)
                .isEqualTo(sorted(mongo.find(query(where("_id").in(asked)), Document.class, COLLECTION)));
        assertThat(sorted(ByIds.find(mongo, asked, projected, Document.class, COLLECTION)))
                .isEqualTo(sorted(mongo.find(projected.apply(query(where("_id").in(asked))), Document.class, COLLECTION)));
    }

    @Test
    void anIdThatReadsAsAnObjectIdStillGoesTheTemplatesWay() {
        ObjectId id = new ObjectId();
        mongo.insert(new Document("_id", id).append("n", 1), COLLECTION); // the template stores its text as an ObjectId

        assertThat(ByIds.find(mongo, List.of(id.toHexString()), Document.class, COLLECTION))
                .extracting(d -> d.get("_id")).containsExactly(id);
    }

    private static List<Document> sorted(List<Document> documents) {
        return documents.stream().sorted(Comparator.comparing(d -> d.getString("_id"))).toList();
    }
}
