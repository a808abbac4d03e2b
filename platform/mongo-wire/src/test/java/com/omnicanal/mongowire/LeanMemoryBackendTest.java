package com.omnicanal.mongowire;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads and writes by many ids answer on the lean store exactly as on the library's. */
class LeanMemoryBackendTest {

    @Test
    void idsInAListFindWhatTheLibraryFinds() {
        List<Bson> filters = List.of(Filters.in("_id", "p-3", "p-1", "missing", "p-1", "p-7"),
                Filters.in("_id", List.of()), Filters.in("_id", "p-2", 2), // a number: the library's own path
                Filters.and(Filters.in("_id", "p-1", "p-2"), Filters.eq("n", 2)));
        for (Bson filter : filters) {
            assertThat(onBoth(c -> c.find(filter).into(new ArrayList<>()))).as(filter.toString()).satisfies(both ->
                    assertThat(both.get(0)).isEqualTo(both.get(1)));
            assertThat(onBoth(c -> c.find(filter).projection(Projections.include("n")).sort(Sorts.descending("n"))
                    .skip(1).limit(2).into(new ArrayList<>()))).satisfies(both -> assertThat(both.get(0))
                    .isEqualTo(both.get(1)));
        }
        assertThat(onBoth(c -> c.find(filters.getFirst()).into(new ArrayList<>())).getFirst())
                .extracting(d -> d.getString("_id")).containsExactly("p-1", "p-3", "p-7");
    }

    @Test
    void aMultiUpdateByIdsChangesWhatTheLibraryChanges() {
        assertThat(onBoth(c -> {
            long modified = c.updateMany(Filters.in("_id", "p-2", "p-4", "nobody"), Updates.inc("n", 10))
                    .getModifiedCount();
            List<Document> all = c.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
            all.add(new Document("modified", modified));
            return all;
        })).satisfies(both -> assertThat(both.get(0)).isEqualTo(both.get(1)));
    }

    @Test
    void aReadNeverSeesHalfAnUpdateSoCompareAndSetLosesNoIncrement() throws Exception {
        List<Document> counted = run(new LeanMemoryBackend(), c -> {
            // a long field between the two: a reply is still being encoded when an update lands
            c.insertOne(new Document("_id", "counter").append("n", 0).append("pad", "x".repeat(50_000))
                    .append("version", 0));
            List<java.util.concurrent.Future<?>> callers = new ArrayList<>();
            try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                for (int t = 0; t < 4; t++) {
                    callers.add(threads.submit(() -> {
                        for (int done = 0; done < 300; ) { // read n and its version, write n + 1 if the version holds
                            Document read = c.find(Filters.eq("_id", "counter")).first();
                            if (!read.getInteger("n").equals(read.getInteger("version"))) {
                                throw new IllegalStateException("half an update read: n " + read.getInteger("n")
                                        + ", version " + read.getInteger("version"));
                            }
                            // flat, as Spring Data writes it (the driver's Filters.and is an $and: the library's path)
                            done += c.updateOne(new Document("_id", "counter").append("version",
                                    read.getInteger("version")), Updates.combine(
                                    Updates.set("n", read.getInteger("n") + 1), Updates.inc("version", 1)))
                                    .getModifiedCount() == 1 ? 1 : 0;
                        }
                    }));
                }
            }
            callers.forEach(f -> assertThat(f).succeedsWithin(java.time.Duration.ZERO));
            return c.find(Filters.eq("_id", "counter")).into(new ArrayList<>());
        });

        assertThat(counted.getFirst().getInteger("n")).as("a version read beside a stale n would lose increments")
                .isEqualTo(1200);
    }

    /** The same work on a lean store and on the library's, each seeded with p-0 … p-9. */
    @Test
    void aUniqueIndexOnIdAndMoreIsDeclaredButNotKeptAndCompareAndSetsAnswerAsOnTheLibrary() {
        assertThat(onBoth(c -> {
            String name = c.createIndex(Indexes.ascending("_id", "n"), new IndexOptions().unique(true).name("id_n"));
            c.createIndex(Indexes.ascending("_id", "n"), new IndexOptions().unique(true).name("id_n")); // a restart
            List<Document> seen = new ArrayList<>();
            seen.add(new Document("created", name));
            seen.add(new Document("swapped", c.updateOne(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("n", 1)),
                    Updates.set("n", 11)).getModifiedCount()));
            seen.add(new Document("stale", c.updateOne(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("n", 1)),
                    Updates.set("n", 12)).getMatchedCount()));
            seen.add(new Document("found", c.find(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("n", 11))).first()));
            seen.add(new Document("modify", c.findOneAndUpdate(Filters.and(Filters.eq("_id", "p-2"),
                    Filters.eq("n", 2)), Updates.inc("n", 1))));
            seen.add(new Document("deleted", c.deleteOne(Filters.and(Filters.eq("_id", "p-3"), Filters.eq("n", 0)))
                    .getDeletedCount() + c.deleteOne(Filters.and(Filters.eq("_id", "p-3"), Filters.eq("n", 3)))
                    .getDeletedCount()));
            try {
                c.updateOne(Filters.and(Filters.eq("_id", "p-4"), Filters.eq("n", 0)), Updates.set("x", 1),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
                seen.add(new Document("upsert", "stored"));
            } catch (com.mongodb.MongoWriteException e) {
                seen.add(new Document("upsert", e.getError().getCode()));
            }
            c.listIndexes().forEach(i -> seen.add(new Document("index", i.getString("name"))));
            seen.addAll(c.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            return seen;
        })).satisfies(both -> assertThat(both.get(0)).isEqualTo(both.get(1)))
                .satisfies(both -> assertThat(both.get(0)).contains(new Document("swapped", 1L),
                        new Document("stale", 0L), new Document("deleted", 1L), new Document("upsert", 11000),
                        new Document("index", "id_n")));
        LeanMemoryBackend lean = new LeanMemoryBackend();
        run(lean, c -> {
            c.createIndex(Indexes.ascending("_id", "n"), new IndexOptions().unique(true).name("id_n"));
            assertThat(lean.resolveDatabase("t").resolveCollection("c", true).getIndexes()).as("only _id's is kept")
                    .hasSize(1);
            return List.of();
        });
    }

    @Test
    void documentsKeptAsBytesComeBackWithEveryTypeInOrderAfterRemovalsAndEveryKindOfUpdate() {
        org.bson.types.ObjectId oid = new org.bson.types.ObjectId();
        java.util.UUID uuid = java.util.UUID.randomUUID();
        assertThat(onBoth(c -> {
            c.insertOne(new Document("_id", "typed").append("int", 1).append("long", 1L << 40).append("double", 2.5)
                    .append("string", "é ✓").append("null", null).append("bool", true)
                    .append("date", new java.util.Date(1_790_000_000_000L)).append("oid", oid)
                    .append("uuid", new org.bson.BsonBinary(uuid))
                    .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                    .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("1.10")))
                    .append("nested", new Document("list", List.of(1, "two", new Document("three", List.of(3))))));
            c.deleteMany(Filters.in("_id", "p-2", "p-5"));
            c.insertOne(new Document("_id", "late").append("n", 99)); // takes a removed document's place
            c.updateMany(Filters.lt("n", 4), Updates.mul("n", 3)); // the library's own in-place path
            c.updateOne(Filters.eq("_id", "p-6"), Updates.rename("n", "m"));
            c.replaceOne(Filters.eq("_id", "p-7"), new Document("replaced", true));
            c.findOneAndUpdate(Filters.eq("_id", "p-8"), Updates.push("tags", "x"));
            List<Document> seen = new ArrayList<>(c.find().into(new ArrayList<>()));
            seen.addAll(c.find().sort(new Document("$natural", -1)).into(new ArrayList<>()));
            seen.add(new Document("count", c.countDocuments()));
            seen.add(new Document("matched", c.countDocuments(Filters.gte("n", 9))));
            return seen;
        })).satisfies(both -> assertThat(both.get(0)).isEqualTo(both.get(1)))
                .satisfies(both -> assertThat(both.get(0)).contains(new Document("count", 10L),
                        new Document("_id", "p-7").append("replaced", true), new Document("_id", "p-6").append("m", 6)));
    }

    private static List<List<Document>> onBoth(Function<MongoCollection<Document>, List<Document>> work) {
        return List.of(run(new LeanMemoryBackend(), work), run(new MemoryBackend(), work));
    }

    private static List<Document> run(MongoBackend backend, Function<MongoCollection<Document>, List<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            for (int i = 0; i < 10; i++) {
                c.insertOne(new Document("_id", "p-" + i).append("n", i));
            }
            return work.apply(c);
        } finally {
            server.shutdownNow();
        }
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }
}
