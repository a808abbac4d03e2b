package com.omnicanal.bench;

import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.Tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A year of a million NPS answers imported through the service's own import (the same group commit and counters as
 * live answers), then every dashboard query — summary and daily series, each filter, a month and a year — timed
 * through the gateway.
 */
final class FeedbackDashboard {

    private static final String SURVEY = "bench-dashboard";
    private static final int CHUNK = 5000;
    private static final List<String> CHANNELS = List.of("email", "sms", "whatsapp", "webchat", "telegram", "store");

    private final String service;
    private final String gateway;
    private final MongoDatabase db;

    FeedbackDashboard(String service, String gateway, MongoDatabase db) {
        this.service = service;
        this.gateway = gateway;
        this.db = db;
    }

    void run(int responses, Report report) throws Exception {
        Http.Response saved = Http.send("PUT", gateway + "/api/surveys/" + SURVEY, Tokens.user("sofia"),
                Map.of("Content-Type", "application/json"), """
                {"name":"Dashboard NPS","kind":"nps","trigger":{"on":"manual"},
                 "languages":{"es":{"title":"NPS","questions":[
                   {"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true}]}}}""");
        if (saved.status() != 200) {
            throw new IllegalStateException("survey not saved: " + saved.body());
        }
        seed(responses, report);
        queries(responses, report);
    }

    /** Chronological chunks (as an export from another tool comes), spread evenly over the last 365 days. */
    private void seed(int responses, Report report) {
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(364, ChronoUnit.DAYS);
        long step = ChronoUnit.MILLIS.between(first, Instant.now()) / responses;
        long start = System.nanoTime();
        for (int done = 0; done < responses; done += CHUNK) {
            StringBuilder body = new StringBuilder();
            for (int i = done; i < Math.min(responses, done + CHUNK); i++) {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                body.append("{\"at\":\"").append(first.plusMillis(step * i)).append("\",\"score\":").append(r.nextInt(11))
                        .append(",\"channel\":\"").append(CHANNELS.get(i % CHANNELS.size())).append("\",\"agent\":\"agent-")
                        .append(i % 50).append("\",\"team\":\"team-").append(i % 5).append("\",\"store\":\"store-")
                        .append(i % 20).append("\"}\n");
            }
            Http.Response imported = Http.send("POST", service + "/api/feedback/surveys/" + SURVEY + "/responses/import",
                    Tokens.user("adrian"), Map.of("Content-Type", "application/x-ndjson"), body.toString());
            if (imported.status() != 200) {
                throw new IllegalStateException("import failed: " + imported.status() + " " + imported.body());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long counted = Http.get(gateway + "/api/feedback/surveys/" + SURVEY + "/summary?from="
                + LocalDate.now(ZoneOffset.UTC).minusDays(365) + "&to=" + today, Tokens.user("sofia")).json()
                .path("responses").asLong();
        report.add("seeding: import of %,d responses (group commit + counters)".formatted(responses),
                "%.0f s (%,.0f/s); counted in analytics %,d; responses stored %,d".formatted(seconds, responses / seconds,
                        counted, db.getCollection("responses").estimatedDocumentCount()));
    }

    private void queries(int responses, Report report) throws Exception {
        String token = Tokens.user("sofia");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        boolean allMet = true;
        for (String view : List.of("summary", "series")) {
            for (int days : List.of(30, 365)) {
                for (String filter : List.of("", "&channel=whatsapp", "&agent=agent-7", "&team=team-3", "&store=store-12")) {
                    String url = gateway + "/api/feedback/surveys/" + SURVEY + "/" + view + "?from=" + today.minusDays(days - 1)
                            + "&to=" + today + filter;
                    Latencies.measure(20, 1, i -> Http.get(url, token)); // warm
                    Latencies timed = Latencies.measure(200, 2, i -> {
                        if (Http.get(url, token).status() != 200) {
                            throw new IllegalStateException("query failed: " + url);
                        }
                    });
                    double p95 = timed.percentileMillis(95);
                    allMet &= p95 <= 100;
                    report.add("dashboard %s, %d days, %s".formatted(view, days, filter.isEmpty() ? "all" : filter.substring(1)),
                            "p50 %.1f ms  p95 %.1f ms".formatted(timed.percentileMillis(50), p95));
                }
            }
        }
        report.add("dashboard verdict", "every query p95 <= 100 ms over %,d imported responses (target: over 1,000,000) -> %s"
                .formatted(responses, allMet ? "MET" : "NOT MET"));
    }
}
