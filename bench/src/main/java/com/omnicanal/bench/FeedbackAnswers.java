package com.omnicanal.bench;

import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.bson.Document;
import org.springframework.amqp.core.Message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays customers answering their survey links: POST {@code /s/<token>} through the gateway, paced, and checks that
 * every accepted answer is stored, counted in the analytics and published. The invitations are seeded straight into
 * the service's store (sending them goes through conversation-service's dispatch, which is not what this measures).
 */
final class FeedbackAnswers {

    private static final Pattern RESPONSE_ID = Pattern.compile("\"responseId\":\"([^\"]+)\"");
    private static final List<String> CHANNELS = List.of("email", "sms", "whatsapp", "webchat", "telegram", "store");

    private final String gateway;
    private final MongoDatabase db;
    private final int concurrency;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory())).build();
    private final EventTap tap;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> doneAt = new ConcurrentHashMap<>();
    private final java.util.Set<String> published = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private long accepted;

    FeedbackAnswers(String gateway, MongoDatabase db, TestBroker broker, int concurrency) {
        this.gateway = gateway;
        this.db = db;
        this.concurrency = concurrency;
        this.tap = broker.tap("omni.feedback", "omni.feedback.response-submitted.v1");
        Thread.ofPlatform().daemon().name("event-collector").start(this::collect);
    }

    private void collect() {
        while (true) {
            Message m;
            try {
                m = tap.poll(Duration.ofMillis(200));
            } catch (RuntimeException brokerGone) {
                return;
            }
            Matcher id = m == null ? null : RESPONSE_ID.matcher(EventTap.body(m));
            if (id != null && id.find() && !published.add(id.group(1))) {
                duplicates.incrementAndGet();
            }
        }
    }

    void warmUp(int n, int rate) throws Exception {
        List<String> tokens = send(seed(n), rate);
        awaitPublished(tokens, Duration.ofMinutes(2));
    }

    void sustained(int rate, int seconds, Report report) throws Exception {
        List<String> seeded = seed(rate * seconds);
        long rejectedBefore = rejected.get();
        long start = System.nanoTime();
        List<String> tokens = send(seeded, rate);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        List<String> ok = tokens.stream().filter(doneAt::containsKey).toList();
        long[] latencies = ok.stream().mapToLong(t -> doneAt.get(t) - sentAt.get(t)).sorted().toArray();
        long lastDone = ok.stream().mapToLong(doneAt::get).max().orElse(start);
        report.add("answers via gateway /s/{token}, target %,d/s for %d s".formatted(rate, seconds),
                ("offered %,.0f/s, accepted %,d (%,.0f/s), rejected %d, latency p50 %.0f ms p99 %.0f ms").formatted(
                        tokens.size() / sendSeconds, ok.size(), ok.size() / ((lastDone - start) / 1e9),
                        rejected.get() - rejectedBefore, percentile(latencies, 50), percentile(latencies, 99)));
        long publishedOk = awaitPublished(ok, Duration.ofMinutes(2));
        long stored = stored(ok);
        long counted = counted();
        report.add("answers lost", ("accepted %,d: stored %,d, published %,d (duplicates %d), counted in analytics %,d "
                + "of %,d accepted in the run").formatted(ok.size(), stored, publishedOk, duplicates.get(), counted, accepted));
        report.add("answers verdict", ">= %,d/s for %d s, none lost -> %s".formatted(rate, seconds,
                ok.size() / ((lastDone - start) / 1e9) >= rate * 0.98 && ok.size() == tokens.size() && stored == ok.size()
                        && publishedOk == ok.size() && counted == accepted ? "MET" : "NOT MET"));
    }

    /** n invitations in the state the survey link finds them after dispatch sent them. */
    private List<String> seed(int n) {
        List<String> tokens = new ArrayList<>(n);
        List<Document> batch = new ArrayList<>();
        Date now = new Date();
        Date expires = Date.from(Instant.now().plus(Duration.ofDays(28)));
        for (int i = 0; i < n; i++) {
            String token = "bench" + UUID.randomUUID().toString().replace("-", "");
            tokens.add(token);
            batch.add(new Document("_id", token).append("surveyId", FeedbackBench.SURVEY).append("version", 1)
                    .append("profileId", "p" + i).append("trigger", "manual").append("channel", CHANNELS.get(i % CHANNELS.size()))
                    .append("agentId", "agent-" + (i % 50)).append("teamId", "team-" + (i % 5)).append("storeId", "store-" + (i % 20))
                    .append("state", "sent").append("reasons", List.of()).append("createdAt", now).append("expiresAt", expires));
            if (batch.size() == 5000) {
                db.getCollection("invitations").insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            db.getCollection("invitations").insertMany(batch);
        }
        return tokens;
    }

    private List<String> send(List<String> tokens, int rate) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        long start = System.nanoTime();
        for (int i = 0; i < tokens.size(); i++) {
            long wait = start + (long) (i * (1e9 / rate)) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            permits.acquire();
            String token = tokens.get(i);
            String form = "q_score=" + (7 + ThreadLocalRandom.current().nextInt(4)) + "&q_why=r%C3%A1pido+y+amable";
            sentAt.put(token, System.nanoTime());
            http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/s/" + token))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        permits.release();
                        if (error == null && response.statusCode() == 200) {
                            doneAt.put(token, System.nanoTime());
                            synchronized (this) {
                                accepted++;
                            }
                        } else {
                            rejected.incrementAndGet();
                        }
                    });
        }
        permits.acquire(concurrency);
        return tokens;
    }

    private long awaitPublished(List<String> tokens, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !tokens.stream().allMatch(published::contains)) {
            Thread.sleep(200);
        }
        return tokens.stream().filter(published::contains).count();
    }

    private long stored(List<String> tokens) {
        long found = 0;
        for (int i = 0; i < tokens.size(); i += 1000) {
            found += db.getCollection("responses").countDocuments(new Document("_id",
                    new Document("$in", tokens.subList(i, Math.min(tokens.size(), i + 1000)))));
        }
        return found;
    }

    /** The bench survey's response count for today, as the dashboard reads it through the gateway. */
    private long counted() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return Http.get(gateway + "/api/feedback/surveys/" + FeedbackBench.SURVEY + "/summary?from=" + today + "&to=" + today,
                Tokens.user("sofia")).json().path("responses").asLong();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }
}
