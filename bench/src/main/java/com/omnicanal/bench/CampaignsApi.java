package com.omnicanal.bench;

import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.Tokens;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** What the campaign bench asks the services through their APIs (real tokens), and reads back from their stores. */
final class CampaignsApi {

    private final String profiles;
    private final String campaigns;

    CampaignsApi(String profiles, String campaigns) {
        this.profiles = profiles;
        this.campaigns = campaigns;
    }

    /** A segment of every profile in a time zone, built by profile-service; waits until it is ready. */
    void segment(String id, String timezone) throws InterruptedException {
        Http.Response created = Http.post(profiles + "/api/segments", Tokens.user("marco"), """
                {"id":"%s","name":"Bench %s","conditions":[{"field":"timezone","op":"eq","value":"%s"}]}"""
                .formatted(id, timezone, timezone));
        check(created, "segment");
        long start = System.nanoTime();
        while (!Http.get(profiles + "/api/segments/" + id, Tokens.user("marco")).json().get("state").asString()
                .equals("ready")) {
            if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
                throw new IllegalStateException("segment " + id + " not ready after 20 minutes");
            }
            Thread.sleep(2_000);
        }
        System.out.printf("segment %s ready after %.0f s%n", id, (System.nanoTime() - start) / 1e9);
    }

    /** Saves and publishes a journey; its id. */
    String journey(String definition) {
        String id = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        check(Http.send("PUT", campaigns + "/api/journeys/" + id, Tokens.user("marco"),
                Map.of("Content-Type", "application/json"), definition), "journey");
        check(Http.post(campaigns + "/api/journeys/" + id + "/publish", Tokens.user("marco"), "{}"), "publish");
        return id;
    }

    /** Starts a broadcast and follows it until it ends or the limit passes (then cancels it); the last state seen. */
    JsonNode broadcast(String journey, String segment, Duration limit) throws InterruptedException {
        return broadcast(journey, segment, limit, seen -> { });
    }

    /** How far a followed broadcast was: seconds since it was started, members processed, still running or not. */
    record Seen(double seconds, long processed, boolean running) {
    }

    /** {@link #broadcast(String, String, Duration)}, telling {@code progress} each state seen. */
    JsonNode broadcast(String journey, String segment, Duration limit, Consumer<Seen> progress)
            throws InterruptedException {
        Http.Response started = Http.post(campaigns + "/api/campaigns/broadcasts", Tokens.user("marco"),
                "{\"journeyId\":\"" + journey + "\",\"segmentId\":\"" + segment + "\"}");
        check(started, "broadcast");
        String id = started.json().get("broadcast").get("id").asString();
        long start = System.nanoTime();
        double printed = 0;
        while (true) {
            Thread.sleep(250); // its end is seen within a quarter second (at 2 s the run's time was up to 2 s long)
            JsonNode b = Http.get(campaigns + "/api/campaigns/broadcasts/" + id, Tokens.user("marco")).json().get("broadcast");
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean running = b.get("state").asString().equals("running");
            if (seconds - printed >= 2 || !running) {
                printed = seconds;
                System.out.printf("broadcast %s: %s %,d/%,d processed, %,d enrolled (%.0f s, %,.0f/s)%n", id,
                        b.get("state").asString(), b.get("processed").asLong(), b.get("total").asLong(),
                        b.get("enrolled").asLong(), seconds, b.get("processed").asLong() / seconds);
            }
            progress.accept(new Seen(seconds, b.get("processed").asLong(), running));
            if (!running) {
                return b;
            }
            if (seconds > limit.toSeconds()) {
                Http.post(campaigns + "/api/campaigns/broadcasts/" + id + "/cancel", Tokens.user("marco"), "{}");
                return b;
            }
        }
    }

    /** A staff member's manual enrolment of one customer (a marketer's token, as the console would). */
    void enrol(String journey, String profileId) {
        check(Http.post(campaigns + "/api/journeys/" + journey + "/enrollments", Tokens.user("marco"),
                "{\"profileId\":\"" + profileId + "\",\"requestId\":\"bench-" + profileId + "\"}"), "enrolment");
    }

    /** Enrolment id → when it was enrolled, for one journey (a scan of the bench's own enrolments). */
    static Map<String, Document> enrollments(MongoDatabase campaignDb, String journey) {
        Map<String, Document> found = new HashMap<>();
        // in batches: the embedded store does not cap a reply at 16 MB as MongoDB does (1M enrolments were 71 MB)
        for (Document e : campaignDb.getCollection("enrollments").find(new Document("journeyId", journey))
                .projection(new Document("profileId", 1).append("enrolledAt", 1)).batchSize(10_000)) {
            found.put(e.getString("_id"), e);
        }
        return found;
    }

    /** Request id → the dispatch's outcome and time, read by _id in batches (the store's _id index). */
    static Map<String, Document> dispatches(MongoDatabase conversationDb, List<String> requestIds) {
        Map<String, Document> found = new HashMap<>();
        for (int i = 0; i < requestIds.size(); i += 1_000) {
            List<String> ids = new ArrayList<>(requestIds.subList(i, Math.min(requestIds.size(), i + 1_000)));
            for (Document d : conversationDb.getCollection("dispatches").find(new Document("_id", new Document("$in", ids)))
                    .projection(new Document("status", 1).append("at", 1))) {
                found.put(d.getString("_id"), d);
            }
        }
        return found;
    }

    static Instant at(Document d, String field) {
        return d.getDate(field).toInstant();
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    /** A sorted list of milliseconds as "p50 … ms  p99 … ms  max … ms". */
    static String spread(List<Double> sorted) {
        return "p50 %.0f ms  p99 %.0f ms  max %.0f ms".formatted(percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? Double.NaN : sorted.getLast());
    }

    private static void check(Http.Response response, String what) {
        if (response.status() >= 300) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
        }
    }
}
