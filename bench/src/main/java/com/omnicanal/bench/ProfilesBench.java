package com.omnicanal.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.Infrastructure;
import com.omnicanal.testing.Repository;
import com.omnicanal.testing.ServiceProcess;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

import static com.mongodb.client.model.Filters.eq;

/**
 * {@code ./omni bench profiles}: issue #3's numbers on the embedded store, each beside a baseline measured in the
 * same run — identify of a known identifier at 1M profiles vs the raw store lookup of the same key; activity
 * ingestion in batches, every one published; segment count.
 */
public final class ProfilesBench {

    private static final String DB = "bench-profiles";

    private ProfilesBench() {
    }

    public static void main(String[] args) throws Exception {
        int profiles = Integer.parseInt(System.getProperty("profiles", "1000000"));
        int lookups = Integer.parseInt(System.getProperty("lookups", "20000"));
        int activities = Integer.parseInt(System.getProperty("activities", "50000"));
        int threads = Integer.parseInt(System.getProperty("threads", "4"));
        int senders = Integer.parseInt(System.getProperty("senders", "2"));
        Infrastructure infra = Infrastructure.get();
        Report report = new Report();
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            MongoDatabase db = client.getDatabase(DB);
            db.drop();
            long start = System.nanoTime();
            long docs = Seed.profiles(db, profiles);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("store bulk insert (baseline)", "%,.0f docs/s (%,d docs in %.1f s)".formatted(docs / seconds, docs, seconds));
            try (ServiceProcess service = ServiceProcess.start(Repository.root(), "profile-service",
                    env(infra), Report.serviceJvm("profile-service", "-Xmx2g",
                    "-Dmanagement.metrics.distribution.percentiles.http.server.requests=0.5,0.99"))) {
                service.awaitReady(Duration.ofMinutes(3));
                if (Report.part("identify")) {
                    identify(service.url(), db, profiles, lookups, threads, report);
                }
                if (Report.part("ingest")) {
                    ingest(service.url(), profiles, activities, senders, report);
                }
                if (Report.part("segment")) {
                    segment(service.url(), report);
                }
            }
        }
        report.print();
    }

    private static void identify(String url, MongoDatabase db, int profiles, int lookups, int threads, Report report)
            throws Exception {
        String token = Tokens.user("ana");
        // warm-up until the JIT is done with the request path (with 3,000 calls, C2 compilations of 100-460 ms still
        // ran through the measured calls, competing with them for the two cores)
        Latencies.measure(Integer.getInteger("warmup", 20_000), threads, i -> identifyOne(url, token, profiles));
        Latencies api = Latencies.measure(lookups, threads, i -> identifyOne(url, token, profiles));
        String server = serverSide(url, "/api/profiles/identify");
        MongoCollection<Document> identifiers = db.getCollection("identifiers");
        Latencies raw = Latencies.measure(lookups, threads, i -> identifiers.find(
                eq("_id", "email:" + Seed.email(ThreadLocalRandom.current().nextInt(profiles)))).first());
        report.add("identify, known identifier (HTTP, %d threads)".formatted(threads), api);
        report.add("  inside the service (its timer, last ~2 min incl. warm-up)", server);
        report.add("raw store lookup of the same key (baseline)", raw);
        report.add("identify p99 / raw lookup p99", "%.1fx   target: identify p99 <= 5 ms -> %s".formatted(
                api.percentileMillis(99) / raw.percentileMillis(99), api.percentileMillis(99) <= 5 ? "MET" : "NOT MET"));
    }

    /** The service's own request timer for that path (last minutes): what the client's numbers add on top. */
    private static String serverSide(String url, String path) {
        String metrics = Http.get(url + "/actuator/prometheus", null).body();
        StringJoiner quantiles = new StringJoiner("  ");
        metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds{") && l.contains("uri=\"" + path + "\"")
                        && l.contains("quantile="))
                .forEach(l -> quantiles.add("p%d %.2f ms".formatted(
                        Math.round(Double.parseDouble(l.replaceAll(".*quantile=\"([0-9.]+)\".*", "$1")) * 100),
                        Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) * 1000)));
        return quantiles.length() == 0 ? "not reported" : quantiles.toString();
    }

    private static void identifyOne(String url, String token, int profiles) {
        String body = "{\"identifiers\":[{\"type\":\"email\",\"value\":\"%s\"}]}".formatted(
                Seed.email(ThreadLocalRandom.current().nextInt(profiles)));
        Http.Response response = Http.post(url + "/api/profiles/identify", token, body);
        if (response.status() != 200) {
            throw new IllegalStateException("identify answered " + response.status() + ": " + response.body());
        }
    }

    private static void ingest(String url, int profiles, int activities, int senders, Report report) throws Exception {
        try (TestBroker broker = new TestBroker()) {
            EventTap published = broker.tap("omni.profile", "omni.profile.activity-recorded.v1");
            String token = Tokens.partnerDemo();
            String run = Long.toString(System.currentTimeMillis(), 36);
            send(url, token, "warm-" + run, Integer.getInteger("ingest.warmup", 40), senders, profiles); // JIT: 10 left C2 compiling
            int batches = activities / 1_000;
            Latencies sent = send(url, token, run, batches, senders, profiles);
            double rate = batches * 1_000 / sent.seconds();
            long seen = countOfRun(published, run, batches * 1_000L, Duration.ofMinutes(3));
            report.add("activity ingestion (batches of 1,000, %d senders)".formatted(senders), "%,.0f activities/s   target >= 5,000/s -> %s"
                    .formatted(rate, rate >= 5_000 ? "MET" : "NOT MET"));
            report.add("activity-recorded events on the broker", "%,d of %,d".formatted(seen, batches * 1_000L));
        }
    }

    private static Latencies send(String url, String token, String run, int batches, int senders, int profiles)
            throws Exception {
        return Latencies.measure(batches, senders, b -> {
            Http.Response response = Http.post(url + "/api/activities", token, batch(run, b, profiles));
            if (response.status() != 200) {
                throw new IllegalStateException("activities answered " + response.status() + ": " + response.body());
            }
        });
    }

    /** The events of this run's activities (their ids start with the run), not the warm-up's. */
    private static long countOfRun(EventTap tap, String run, long expected, Duration timeout) {
        long seen = 0;
        long end = System.nanoTime() + timeout.toNanos();
        while (seen < expected && System.nanoTime() < end) {
            var message = tap.poll(Duration.ofSeconds(1));
            if (message != null && EventTap.body(message).contains(":" + run + "-")) {
                seen++;
            }
        }
        return seen;
    }

    private static String batch(String run, int b, int profiles) {
        StringJoiner items = new StringJoiner(",", "{\"activities\":[", "]}");
        String at = Instant.now().minusSeconds(60).toString();
        for (int i = 0; i < 1_000; i++) {
            int customer = ThreadLocalRandom.current().nextInt(profiles);
            items.add("""
                    {"id":"%s-%d-%d","type":"purchase","occurredAt":"%s","orderId":"o-%d-%d","amount":%d,"currency":"EUR",\
                    "channel":"store","storeId":"madrid-01","customer":{"identifiers":[{"type":"email","value":"%s"}]}}"""
                    .formatted(run, b, i, at, b, i, 10 + i % 200, Seed.email(customer)));
        }
        return items.toString();
    }

    private static void segment(String url, Report report) throws Exception {
        String token = Tokens.user("marco");
        String id = "bench-buyers-" + Long.toString(System.currentTimeMillis(), 36);
        Http.post(url + "/api/segments", token, """
                {"id":"%s","name":"Bought in the last 30 days","conditions":[
                 {"field":"activity.lastPurchaseAt","op":"within_days","value":30}]}""".formatted(id));
        Latencies count = Latencies.measure(200, 1, i -> Http.get(url + "/api/segments/" + id, token));
        report.add("segment count (kept counter, read while it builds)", count);
        long start = System.nanoTime();
        String state = "building";
        while (state.equals("building") && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(2_000);
            state = Http.get(url + "/api/segments/" + id, token).json().get("state").asString();
        }
        long members = Http.get(url + "/api/segments/" + id, token).json().get("memberCount").asLong();
        report.add("segment build over every profile", "%s after %.0f s, %,d members".formatted(state,
                (System.nanoTime() - start) / 1e9, members));
    }

    private static Map<String, String> env(Infrastructure infra) {
        return Map.of("MONGODB_URI", infra.mongoUri(), "PROFILE_DB", DB, "RABBITMQ_HOST", infra.rabbitHost(),
                "RABBITMQ_PORT", String.valueOf(infra.rabbitPort()), "RABBITMQ_USERNAME", infra.rabbitUsername(),
                "RABBITMQ_PASSWORD", infra.rabbitPassword(), "KEYCLOAK_ISSUER_URI", infra.issuerUri());
    }
}
