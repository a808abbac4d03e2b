package com.omnicanal.bench;

import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.Tokens;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Issue #6's two timings: activity → first step dispatched at a rate; a 1-minute wait firing with many waiting. */
final class CampaignsTimings {

    private static final int TICKS_PER_SECOND = 10;

    private final CampaignsApi api;
    private final String profiles;
    private final MongoDatabase campaignDb;
    private final MongoDatabase conversationDb;
    private final Report report;

    CampaignsTimings(CampaignsApi api, String profiles, MongoDatabase campaignDb, MongoDatabase conversationDb,
                     Report report) {
        this.api = api;
        this.profiles = profiles;
        this.campaignDb = campaignDb;
        this.conversationDb = conversationDb;
        this.report = report;
    }

    /**
     * Purchases of distinct customers at a rate, in batches every 100 ms; each enrols them in a thank-you journey. The
     * {@code warmup} customers' purchases go first at the same rate (services fresh from their start compile their hot
     * code meanwhile: reported, not the measure), then the measured ones.
     */
    void triggers(int rate, int seconds, int members, int warmup) throws Exception {
        String journey = api.journey("""
                {"name":"Bench thanks","purpose":"service","trigger":{"type":"activity","activityType":"purchase","channel":"store"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"thanks","type":"send","content":{"es":{"subject":"Gracias","text":"Gracias {{firstName}}"}}}]}]}""");
        if (warmup > 0) {
            Offered cold = offer(journey, "warm", rate, Math.min(rate * seconds, warmup));
            report.add("trigger warm-up (fresh services, not the measure)", cold.summary());
        }
        int total = Math.min(rate * seconds, members);
        Offered measured = offer(journey, "fan", rate, total);
        double p99 = CampaignsApi.percentile(measured.millis(), 99);
        report.add("trigger: purchases sent", "%,d in %.1f s (%,.0f/s, target rate %,d/s)".formatted(total,
                measured.seconds(), total / measured.seconds(), rate));
        report.add("trigger: activity POST -> first step dispatched", measured.summary() + "   target p99 <= 1 s at "
                + "1,000/s -> " + (p99 <= 1_000 && rate >= 1_000 && measured.millis().size() == total ? "MET" : "NOT MET"));
    }

    /** How long each purchase of a pass took to its first dispatch (sorted), over how many offered in how long. */
    private record Offered(List<Double> millis, int total, double seconds) {

        String summary() {
            return CampaignsApi.spread(millis) + "  (%,d of %,d dispatched within 3 min of the last send; %,.0f/s)"
                    .formatted(millis.size(), total, total / seconds);
        }
    }

    private Offered offer(String journey, String group, int rate, int total) throws Exception {
        int perTick = Math.max(1, rate / TICKS_PER_SECOND);
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int tick = 0, from = 0; from < total; tick++, from += perTick) {
                long due = start + tick * 1_000_000_000L / TICKS_PER_SECOND;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                int first = from, last = Math.min(total, from + perTick);
                senders.submit(() -> purchases(group, first, last, sentAt));
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Document> enrolled;
        Map<String, Document> dispatched;
        long drainStart = System.nanoTime();
        do { // the backlog drains before the next part (else it would slow that one): up to 3 minutes
            Thread.sleep(3_000);
            enrolled = CampaignsApi.enrollments(campaignDb, journey);
            enrolled.values().removeIf(e -> !sentAt.containsKey(e.getString("profileId")));
            dispatched = CampaignsApi.dispatches(conversationDb, enrolled.keySet().stream().map(id -> id + ":thanks:0").toList());
        } while (dispatched.size() < total && System.nanoTime() - drainStart < Duration.ofMinutes(3).toNanos());
        Map<String, Document> sends = dispatched;
        List<Double> millis = new ArrayList<>();
        enrolled.forEach((id, e) -> {
            Document d = sends.get(id + ":thanks:0");
            Instant posted = sentAt.get(e.getString("profileId"));
            if (d != null && posted != null) {
                millis.add((double) Duration.between(posted, CampaignsApi.at(d, "at")).toMillis());
            }
        });
        millis.sort(Double::compare);
        return new Offered(millis, total, sendSeconds);
    }

    private void purchases(String group, int from, int to, Map<String, Instant> sentAt) {
        StringJoiner items = new StringJoiner(",", "{\"activities\":[", "]}");
        String at = Instant.now().toString();
        for (int i = from; i < to; i++) {
            items.add("""
                    {"id":"bench-p-%s-%d","type":"purchase","occurredAt":"%s","orderId":"o-%s-%d","amount":25,"currency":"EUR",\
                    "channel":"store","storeId":"madrid-01","customer":{"identifiers":[{"type":"email","value":"%s"}]}}"""
                    .formatted(group, i, at, group, i, CampaignsSeed.email(group, i)));
        }
        Instant now = Instant.now();
        for (int i = from; i < to; i++) {
            sentAt.put(group + "-" + i, now);
        }
        Http.Response response = Http.post(profiles + "/api/activities", Tokens.partnerDemo(), items.toString());
        if (response.status() != 200) {
            System.out.println("activities answered " + response.status() + ": " + response.body());
        }
    }

    /**
     * Issue #6's wait timing: {@code waiting} customers held in a one-day wait (a broadcast puts them there), then
     * {@code probes} customers enrolled one by one at a steady pace into a journey that waits one minute and sends; how
     * late each probe's send is after its minute, while the timers of all the others are pending.
     */
    void waits(int waiting, int probes, Duration limit) throws Exception {
        String held = api.journey("""
                {"name":"Bench held","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"pause","type":"wait","duration":"P1D"},
                    {"id":"after","type":"send","content":{"es":{"subject":"Un día","text":"Hola {{firstName}}"}}}]}]}""");
        long start = System.nanoTime();
        JsonNode b = api.broadcast(held, "bench-waiting", limit);
        double seconds = (System.nanoTime() - start) / 1e9;
        int population = CampaignsApi.enrollments(campaignDb, held).size();
        report.add("waits: held in a one-day wait (broadcast %s)".formatted(b.get("state").asString()),
                "%,d of %,d in %.1f s (%,.0f enrolled/s)".formatted(population, waiting, seconds, population / seconds));
        String journey = minuteThenSend();
        Duration pace = Duration.ofSeconds(50).dividedBy(Math.max(1, probes));
        long probeStart = System.nanoTime();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < probes; i++) {
                Thread.sleep(Math.max(0, (probeStart + i * pace.toNanos() - System.nanoTime()) / 1_000_000));
                String profileId = "fan-" + i;
                callers.submit(() -> api.enrol(journey, profileId));
            }
        }
        Map<String, Document> enrolled = CampaignsApi.enrollments(campaignDb, journey);
        List<Double> lateness = lateness(enrolled);
        double max = lateness.isEmpty() ? Double.NaN : lateness.getLast();
        boolean met = population >= 100_000 && lateness.size() == probes && enrolled.size() == probes && max <= 5_000;
        report.add("waits: 1-minute wait -> send, lateness", CampaignsApi.spread(lateness) + "  (%,d of %,d probes fired, "
                .formatted(lateness.size(), probes) + "%,d others waiting)   target: within 5 s with 100,000 waiting -> "
                .formatted(population) + (met ? "MET" : "NOT MET"));
    }

    /**
     * Not the number but its worst case: N customers enter a one-minute wait at the broadcast's pace, so all
     * their minutes end together and the wake-ups' sends run as a fan-out; how late each send is.
     */
    void burst(int waiting, Duration limit) throws Exception {
        String journey = minuteThenSend();
        JsonNode b = api.broadcast(journey, "bench-waiting", limit);
        Map<String, Document> enrolled = CampaignsApi.enrollments(campaignDb, journey);
        List<Double> lateness = lateness(enrolled);
        report.add("burst: enrolled in a 1-minute wait (broadcast %s)".formatted(b.get("state").asString()),
                "%,d of %,d".formatted(enrolled.size(), waiting));
        report.add("burst: send after the minute, lateness", CampaignsApi.spread(lateness) + "  (%,d of %,d fired)"
                .formatted(lateness.size(), enrolled.size()));
    }

    private String minuteThenSend() {
        return api.journey("""
                {"name":"Bench wait","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","channels":[{"channel":"email","role":"primary"}],
                   "steps":[{"id":"pause","type":"wait","duration":"PT1M"},
                    {"id":"after","type":"send","content":{"es":{"subject":"Un minuto","text":"Hola {{firstName}}"}}}]}]}""");
    }

    /** Sorted, how late each enrolment's send came after its minute; waits for the last minute to end plus 5 s, and
     * up to 3 more minutes for the late ones (measured too). */
    private List<Double> lateness(Map<String, Document> enrolled) throws InterruptedException {
        Instant lastDue = enrolled.values().stream().map(e -> CampaignsApi.at(e, "enrolledAt")).max(Instant::compareTo)
                .orElse(Instant.now()).plusSeconds(60);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastDue).toMillis()) + 5_000);
        List<String> requestIds = enrolled.keySet().stream().map(id -> id + ":after:0").toList();
        Map<String, Document> dispatched = CampaignsApi.dispatches(conversationDb, requestIds);
        for (long start = System.nanoTime(); dispatched.size() < enrolled.size()
                && System.nanoTime() - start < Duration.ofMinutes(3).toNanos(); ) {
            Thread.sleep(3_000);
            dispatched = CampaignsApi.dispatches(conversationDb, requestIds);
        }
        List<Double> lateness = new ArrayList<>();
        Map<String, Document> fired = dispatched;
        enrolled.forEach((id, e) -> {
            Document d = fired.get(id + ":after:0");
            if (d != null) {
                lateness.add((double) Duration.between(CampaignsApi.at(e, "enrolledAt").plusSeconds(60),
                        CampaignsApi.at(d, "at")).toMillis());
            }
        });
        lateness.sort(Double::compare);
        return lateness;
    }
}
