package com.omnicanal.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Writes profiles and their identifier documents straight into the store, the way profile-service keeps them. */
final class Seed {

    private static final int BATCH = 5_000;

    private Seed() {
    }

    static String email(int n) {
        return "user" + n + "@bench.omnicanal.test";
    }

    static String id(int n) {
        return "bench-" + n;
    }

    /** Inserts n profiles with one email each; returns the number of documents written. */
    static long profiles(MongoDatabase db, int n) {
        MongoCollection<Document> profiles = db.getCollection("profiles");
        MongoCollection<Document> identifiers = db.getCollection("identifiers");
        Date now = new Date();
        List<Document> profileBatch = new ArrayList<>(BATCH);
        List<Document> identifierBatch = new ArrayList<>(BATCH);
        for (int i = 0; i < n; i++) {
            Document identifier = new Document("type", "email").append("value", email(i)).append("verified", true)
                    .append("source", "bench").append("firstSeen", now).append("lastSeen", now);
            profileBatch.add(new Document("_id", id(i)).append("status", "ACTIVE").append("name", "Customer " + i)
                    .append("language", "es").append("identifiers", List.of(identifier)).append("consents", Map.of())
                    .append("appliedMerges", List.of()).append("version", 1L).append("createdAt", now)
                    .append("updatedAt", now).append("_outbox", List.of()));
            identifierBatch.add(new Document("_id", "email:" + email(i)).append("profileId", id(i))
                    .append("verified", true).append("source", "bench").append("firstSeen", now).append("lastSeen", now));
            if (profileBatch.size() == BATCH || i == n - 1) {
                profiles.insertMany(profileBatch);
                identifiers.insertMany(identifierBatch);
                profileBatch.clear();
                identifierBatch.clear();
            }
        }
        return 2L * n;
    }
}
