package com.omnicanal.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reachable customers written straight into profile-service's store: an email, consents, a time zone. */
final class CampaignsSeed {

    private static final int BATCH = 5_000;

    private CampaignsSeed() {
    }

    static String email(String group, int n) {
        return group + n + "@bench.omnicanal.test";
    }

    /** Inserts n profiles of a group (unordered bulk inserts); returns the number of documents written. */
    static long profiles(MongoDatabase db, String group, String timezone, int n) {
        MongoCollection<Document> profiles = db.getCollection("profiles");
        MongoCollection<Document> identifiers = db.getCollection("identifiers");
        Date now = new Date();
        Document granted = new Document("state", "granted").append("at", now).append("source", "bench")
                .append("evidence", "bench seed").append("actor", "bench");
        Map<String, Object> consents = Map.of("email:marketing", granted, "email:service", granted,
                "sms:marketing", granted, "sms:service", granted);
        List<Document> profileBatch = new ArrayList<>(BATCH);
        List<Document> identifierBatch = new ArrayList<>(2 * BATCH);
        for (int i = 0; i < n; i++) {
            String id = group + "-" + i;
            List<Document> ids = List.of(identifier("email", email(group, i), now));
            profileBatch.add(new Document("_id", id).append("status", "ACTIVE").append("name", "Cliente " + i)
                    .append("language", "es").append("timezone", timezone).append("identifiers", ids)
                    .append("consents", consents).append("appliedMerges", List.of()).append("version", 1L)
                    .append("createdAt", now).append("updatedAt", now).append("_outbox", List.of()));
            identifierBatch.add(new Document("_id", "email:" + email(group, i)).append("profileId", id)
                    .append("verified", true).append("source", "bench").append("firstSeen", now).append("lastSeen", now));
            if (profileBatch.size() == BATCH || i == n - 1) {
                profiles.insertMany(profileBatch, new InsertManyOptions().ordered(false));
                identifiers.insertMany(identifierBatch, new InsertManyOptions().ordered(false));
                profileBatch.clear();
                identifierBatch.clear();
            }
        }
        return 2L * n;
    }

    private static Document identifier(String type, String value, Date now) {
        return new Document("type", type).append("value", value).append("verified", true).append("source", "bench")
                .append("firstSeen", now).append("lastSeen", now);
    }
}
