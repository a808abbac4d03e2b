package com.omnicanal.mongowire;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every update, through the wire, on the lean store and on the library's own: the same answers (matched, modified,
 * upserted, or the same error) and the same documents afterwards, field types included — whether the lean path applies
 * the update or hands it to the library.
 */
class LeanUpdateTest {

    private static MongoServer leanServer;
    private static MongoServer libraryServer;
    private static MongoClient leanClient;
    private static MongoClient libraryClient;
    private MongoCollection<Document> lean;
    private MongoCollection<Document> library;

    @BeforeAll
    static void start() {
        leanServer = new MongoServer(new HelloCommandBackend(new LeanMemoryBackend()));
        libraryServer = new MongoServer(new HelloCommandBackend(new MemoryBackend()));
        leanClient = MongoClients.create(uri(leanServer.bind()));
        libraryClient = MongoClients.create(uri(libraryServer.bind()));
    }

    @AfterAll
    static void stop() {
        leanClient.close();
        libraryClient.close();
        leanServer.shutdownNow();
        libraryServer.shutdownNow();
    }

    @BeforeEach
    void seed() {
        lean = fresh(leanClient);
        library = fresh(libraryClient);
    }

    private static MongoCollection<Document> fresh(MongoClient client) {
        MongoCollection<Document> c = client.getDatabase("t").getCollection("enrollments");
        c.drop();
        c.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
        c.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).sparse(true));
        c.insertMany(List.of(
                new Document("_id", "e-1").append("revision", 3).append("state", "active").append("phase", 0)
                        .append("wakeAt", new Date(1_000L)).append("email", "a@x.es")
                        .append("history", new ArrayList<>(List.of(new Document("action", "enrolled").append("n", 1))))
                        .append("lastSend", new Document("requestId", "r-1").append("sends", 1))
                        .append("ids", new ArrayList<>(List.of("j-1"))).append("count", 5L).append("label", null)
                        .append("marks", new ArrayList<>(List.of("m-1", "m-2", "m-3", "m-2")))
                        .append("mixed", new ArrayList<>(List.of(1, "1", "a", new Document("a", 1), List.of("a")))),
                new Document("_id", "e-2").append("revision", 1).append("email", "b@x.es").append("state", "waiting")));
        return c;
    }

    record Case(String name, Bson filter, Document update, boolean upsert) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> updates() {
        Bson guarded = Filters.and(Filters.eq("_id", "e-1"), Filters.eq("revision", 3));
        Bson byId = Filters.eq("_id", "e-1");
        return Stream.of(
                new Case("an engine's compare-and-set", guarded, Document.parse("""
                        {$set: {state: "waiting", phase: 1, wakeAt: {$date: "2026-11-26T10:00:00Z"}},
                         $unset: {timerToken: ""}, $inc: {revision: 1},
                         $push: {history: {$each: [{action: "sent", n: 2}, {action: "waits", n: 3}]}, _pending: {$each: ["m-1"]}}}"""), false),
                new Case("a guard that no longer holds", Filters.and(Filters.eq("_id", "e-1"), Filters.eq("revision", 2)),
                        Document.parse("{$set: {state: \"x\"}, $inc: {revision: 1}}"), false),
                new Case("the same number of another type", byId, new Document("$set", new Document("phase", 0L)), false),
                new Case("the same nested value with other number types", byId,
                        new Document("$set", new Document("lastSend", new Document("requestId", "r-1").append("sends", 1.0))), false),
                new Case("a changed nested value", byId,
                        new Document("$set", new Document("lastSend", new Document("requestId", "r-2").append("sends", 2))), false),
                new Case("set to null and a new field", byId, Document.parse("{$set: {state: null, fresh: [1, 2]}}"), false),
                new Case("set an existing null to null", byId, Document.parse("{$set: {label: null}}"), false),
                new Case("unset present and absent fields", byId, Document.parse("{$unset: {wakeAt: 1, nothing: 1}}"), false),
                new Case("unset only an absent field", byId, Document.parse("{$unset: {nothing: 1}}"), false),
                new Case("increments of each type", byId, Document.parse(
                        "{$inc: {revision: {$numberLong: \"2\"}, count: 1, ratio: 0.5, phase: 0}}"), false),
                new Case("an increment of zero", byId, Document.parse("{$inc: {phase: 0}}"), false),
                new Case("an int increment past int's range", byId, Document.parse("{$inc: {revision: 2147483647}}"), false),
                new Case("push one and to a missing list", byId, Document.parse("{$push: {ids: \"j-2\", other: {a: 1}}}"), false),
                new Case("add to a set, present and new", byId, Document.parse(
                        "{$addToSet: {ids: {$each: [\"j-1\", \"j-3\", \"j-3\"]}, tags: \"vip\"}}"), false),
                new Case("add a present value to a set", byId, Document.parse("{$addToSet: {ids: \"j-1\"}}"), false),
                new Case("pull all of some strings, present, absent and repeated", byId, Document.parse(
                        "{$pullAll: {ids: [\"j-1\", \"j-9\", \"j-1\"], marks: [\"m-2\"]}}"), false),
                new Case("pull all from a list of mixed values", byId, Document.parse(
                        "{$pullAll: {mixed: [\"1\", \"a\"]}}"), false),
                new Case("pull all of nothing present", byId, Document.parse("{$pullAll: {marks: [\"m-9\"]}}"), false),
                new Case("pull all from a missing field", byId, Document.parse("{$pullAll: {nothing: [\"a\"]}}"), false),
                new Case("pull all of a number (the library's)", byId, Document.parse("{$pullAll: {mixed: [1]}}"), false),
                new Case("pull all from a non-array (an error)", byId, Document.parse("{$pullAll: {state: [\"a\"]}}"), false),
                new Case("pull one string, with a revision", byId, Document.parse(
                        "{$pull: {marks: \"m-1\"}, $inc: {revision: 1}}"), false),
                new Case("pull by a condition (the library's)", byId, Document.parse(
                        "{$pull: {history: {action: \"enrolled\"}}}"), false),
                new Case("push with a slice keeping the last", byId, Document.parse(
                        "{$push: {history: {$each: [{action: \"x\"}], $slice: -1}}}"), false),
                new Case("push with a slice longer than the list", byId, Document.parse(
                        "{$push: {ids: {$each: [\"j-2\", \"j-3\"], $slice: -5}, fresh: {$each: [1], $slice: -2}}}"), false),
                new Case("push with a slice keeping the first", byId, Document.parse(
                        "{$push: {ids: {$each: [\"j-2\"], $slice: 1}}}"), false),
                new Case("push with a slice of zero", byId, Document.parse(
                        "{$push: {ids: {$each: [\"j-2\"], $slice: 0}}}"), false),
                new Case("push with a long slice", byId, Document.parse(
                        "{$push: {ids: {$each: [\"j-2\"], $slice: {$numberLong: \"-1\"}}}}"), false),
                new Case("push with a fractional slice (the library's)", byId, Document.parse(
                        "{$push: {ids: {$each: [\"j-2\"], $slice: -1.5}}}"), false),
                new Case("push with a slice and a sort (the library's)", byId, Document.parse(
                        "{$push: {ids: {$each: [\"j-0\"], $slice: -2, $sort: 1}}}"), false),
                new Case("set on insert of an existing document", byId, Document.parse(
                        "{$setOnInsert: {state: \"new\", created: 1}, $set: {phase: 2}}"), true),
                new Case("only a set on insert of an existing document", byId, Document.parse(
                        "{$setOnInsert: {state: \"new\"}}"), true),
                new Case("a month's bucket upserted (set on insert, add to set)", Filters.eq("_id", "p-1:2026-11"),
                        Document.parse("{$setOnInsert: {profileId: \"p-1\", month: \"2026-11\"}, "
                                + "$addToSet: {entries: {type: \"purchase\", amount: 12}}}"), true),
                new Case("a field set on insert and set (an error)", Filters.eq("_id", "e-7"), Document.parse(
                        "{$setOnInsert: {state: \"a\"}, $set: {state: \"b\"}}"), true),
                new Case("a dotted path (the library's)", byId, Document.parse("{$set: {\"lastSend.status\": \"read\"}}"), false),
                new Case("push to a non-array (an error)", byId, Document.parse("{$push: {state: \"x\"}}"), false),
                new Case("increment a string (an error)", byId, Document.parse("{$inc: {state: 1}}"), false),
                new Case("increment by a string (an error)", byId, Document.parse("{$inc: {phase: \"1\"}}"), false),
                new Case("a field two operators change (an error)", byId, Document.parse("{$set: {phase: 1}, $inc: {phase: 1}}"), false),
                new Case("change the id (an error)", byId, Document.parse("{$set: {_id: \"e-9\"}}"), false),
                new Case("take another's unique value (an error)", byId, Document.parse("{$set: {email: \"b@x.es\"}}"), false),
                new Case("a unique value freed and retaken", Filters.eq("_id", "e-2"), Document.parse("{$set: {email: \"c@x.es\"}}"), false),
                new Case("an upsert of an existing document", byId, Document.parse("{$set: {state: \"up\"}}"), true),
                new Case("an upsert of a missing document", Filters.eq("_id", "e-7"), Document.parse(
                        "{$set: {state: \"new\"}, $addToSet: {ids: \"j-1\"}}"), true),
                new Case("no match", Filters.eq("_id", "e-7"), Document.parse("{$set: {state: \"none\"}}"), false),
                new Case("a filter no unique index serves", Filters.eq("state", "waiting"), Document.parse(
                        "{$set: {state: \"found\"}}"), false),
                new Case("an id and another field (found by the id)", Filters.and(Filters.eq("_id", "e-2"),
                        Filters.eq("state", "waiting")), Document.parse("{$set: {state: \"woken\"}, $inc: {revision: 1}}"), false),
                new Case("an id and a field that does not match", Filters.and(Filters.eq("_id", "e-2"),
                        Filters.eq("state", "active")), Document.parse("{$set: {state: \"woken\"}}"), false),
                new Case("an id and an operator", Filters.and(Filters.eq("_id", "e-1"), Filters.gt("revision", 2)),
                        Document.parse("{$inc: {revision: 1}}"), false),
                new Case("an upsert of a missing document with a guard", Filters.and(Filters.eq("_id", "e-8"),
                        Filters.eq("revision", 0)), Document.parse("{$inc: {revision: 1}, $push: {history: \"a\"}}"), true),
                new Case("an upsert whose guard fails on an existing id (an error)", Filters.and(Filters.eq("_id", "e-2"),
                        Filters.eq("state", "gone")), Document.parse("{$set: {x: 1}}"), true),
                new Case("an upsert taking another's unique value (an error)", Filters.eq("_id", "e-9"),
                        Document.parse("{$set: {email: \"a@x.es\"}}"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void answersAndDocumentsAreTheLibrarys(Case c) {
        assertThat(run(lean, c)).isEqualTo(run(library, c));
        assertThat(all(lean)).isEqualTo(all(library));
    }

    @ParameterizedTest(name = "{0}, twice")
    @MethodSource("updates")
    void aRepeatedUpdateIsTheLibrarys(Case c) {
        run(lean, c);
        run(library, c);
        assertThat(run(lean, c)).isEqualTo(run(library, c));
        assertThat(all(lean)).isEqualTo(all(library));
    }

    @org.junit.jupiter.api.Test
    void theCommonOperatorsTakeTheLeanPathAndTheRestTheLibrarys() {
        de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document("_id", "e-1").append("revision", 3)
                .append("history", List.of("a"));
        de.bwaldvogel.mongo.bson.Document cas = new de.bwaldvogel.mongo.bson.Document("$set",
                new de.bwaldvogel.mongo.bson.Document("state", "waiting"))
                .append("$inc", new de.bwaldvogel.mongo.bson.Document("revision", 1))
                .append("$push", new de.bwaldvogel.mongo.bson.Document("history",
                        new de.bwaldvogel.mongo.bson.Document("$each", List.of("b"))));

        LeanUpdate.Result result = LeanUpdate.apply(stored, cas, "_id");

        assertThat(result).isNotNull();
        assertThat(result.document()).containsEntry("revision", 4).containsEntry("history", List.of("a", "b"))
                .containsEntry("state", "waiting");
        assertThat(stored).containsEntry("revision", 3).containsEntry("history", List.of("a")); // untouched
        assertThat(LeanUpdate.apply(stored, new de.bwaldvogel.mongo.bson.Document("$set",
                new de.bwaldvogel.mongo.bson.Document("a.b", 1)), "_id")).isNull();
        de.bwaldvogel.mongo.bson.Document sliced = new de.bwaldvogel.mongo.bson.Document("$push",
                new de.bwaldvogel.mongo.bson.Document("history", new de.bwaldvogel.mongo.bson.Document("$each", List.of("b"))
                        .append("$slice", -1)));
        assertThat(LeanUpdate.apply(stored, sliced, "_id").document()).containsEntry("history", List.of("b"));
        de.bwaldvogel.mongo.bson.Document onInsert = new de.bwaldvogel.mongo.bson.Document("$setOnInsert",
                new de.bwaldvogel.mongo.bson.Document("state", "new"));
        assertThat(LeanUpdate.apply(stored, onInsert, "_id", true).document()).containsEntry("state", "new");
        assertThat(LeanUpdate.apply(stored, onInsert, "_id", false).changed()).isFalse();
        de.bwaldvogel.mongo.bson.Document pullAll = new de.bwaldvogel.mongo.bson.Document("$pullAll",
                new de.bwaldvogel.mongo.bson.Document("history", List.of("a")));
        assertThat(LeanUpdate.apply(stored, pullAll, "_id").document()).containsEntry("history", List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void findsAndDeletesByTheSameFiltersAreTheLibrarys(Case c) {
        assertThat(lean.find(c.filter()).into(new ArrayList<>())).isEqualTo(library.find(c.filter()).into(new ArrayList<>()));
        assertThat(lean.deleteMany(c.filter()).getDeletedCount()).isEqualTo(library.deleteMany(c.filter()).getDeletedCount());
        assertThat(all(lean)).isEqualTo(all(library));
    }

    /** A reply is encoded from the stored document itself while updates change it: a field's new value must never
     * make that a structural change (the first lean version cleared and refilled the document, and failed replies). */
    @org.junit.jupiter.api.Test
    void readersOfADocumentNeverFailWhileItsFieldsAreUpdated() throws Exception {
        List<Document> history = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            history.add(new Document("action", "step " + i).append("n", i));
        }
        lean.updateOne(Filters.eq("_id", "e-1"), new Document("$set", new Document("history", history))); // slow to encode
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<Integer> reads = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (!done.get()) {
                assertThat(lean.find(Filters.eq("_id", "e-1")).first()).isNotNull();
                n++;
            }
            return n;
        });
        for (int i = 0; i < 1_000; i++) {
            lean.updateOne(Filters.eq("_id", "e-1"), Document.parse("{$set: {state: \"s" + i + "\", phase: " + i
                    + "}, $inc: {revision: 1}}"));
        }
        done.set(true);

        assertThat(reads.get()).isPositive();
        assertThat(lean.find(Filters.eq("_id", "e-1")).first().getInteger("revision")).isEqualTo(1_003);
    }

    private static String run(MongoCollection<Document> collection, Case c) {
        try {
            UpdateResult r = collection.updateOne(c.filter(), c.update(), new UpdateOptions().upsert(c.upsert()));
            return "matched " + r.getMatchedCount() + ", modified " + r.getModifiedCount() + ", upserted " + r.getUpsertedId();
        } catch (MongoException e) {
            return "error " + e.getCode();
        }
    }

    private static List<String> all(MongoCollection<Document> collection) {
        return collection.find().sort(new Document("_id", 1)).map(d -> d.toJson() + types(d)).into(new ArrayList<>());
    }

    private static String types(Object value) {
        if (value instanceof Document d) {
            StringBuilder out = new StringBuilder("{");
            d.forEach((k, v) -> out.append(k).append(':').append(types(v)).append(','));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(LeanUpdateTest::types).toList().toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
