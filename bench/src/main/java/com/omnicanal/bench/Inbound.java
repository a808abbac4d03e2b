package com.omnicanal.bench;

import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.EventTap;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;
import org.springframework.amqp.core.Message;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays WhatsApp: signed Cloud API webhooks from a pool of customers, paced or all at once, and times each message
 * from the webhook call until its {@code message-received} event is seen on the broker.
 */
final class Inbound {

    /** Phone prefixes: the measured customers, and the warm-up's own. */
    private static final String MEASURED = "3461";
    private static final String WARM_UP = "3462";
    private static final Pattern IDS = Pattern.compile("\"conversationId\":\"([^\"]+)\",\"messageId\":\"whatsapp:([^\"]+)\"");

    private final String url;
    private final int customers;
    private final int concurrency;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory())).build();
    private final EventTap tap;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final Map<String, String> conversationOf = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** Why requests were not accepted (status or error), for the report: a refused webhook is the provider's to retry. */
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final java.util.Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Mac mac;

    Inbound(String url, TestBroker broker, int customers, int concurrency) throws Exception {
        this.url = url;
        this.customers = customers;
        this.concurrency = concurrency;
        this.tap = broker.tap("omni.conversation", "omni.conversation.message-received.v1");
        this.mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ConversationsBench.APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Thread collector = Thread.ofPlatform().daemon().name("event-collector").start(this::collect);
        collector.setPriority(Thread.MAX_PRIORITY);
    }

    private final java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();

    private void collect() {
        while (true) {
            Message m;
            try {
                m = tap.poll(Duration.ofMillis(200));
            } catch (RuntimeException brokerBusyOrGone) {
                if (errors.incrementAndGet() > 50) {
                    return; // the run is over and the tap's queue went with the broker connection
                }
                continue; // an overloaded broker answered a receive late: try again
            }
            errors.set(0);
            if (m == null) {
                continue;
            }
            long now = System.nanoTime();
            Matcher ids = IDS.matcher(EventTap.body(m));
            if (ids.find()) {
                conversationOf.put(ids.group(2), ids.group(1));
                if (seenAt.putIfAbsent(ids.group(2), now) != null) {
                    duplicates.incrementAndGet();
                }
            }
        }
    }

    /**
     * {@code jit} messages from customers of their own (so the JVMs reach steady state without changing the measured
     * run's mix), then {@code known} from the measured pool (those customers are known when the run starts).
     */
    void warmUp(int jit, int known, int rate) throws Exception {
        await(send(jit, rate, concurrency, WARM_UP), Duration.ofMinutes(3));
        await(send(known, rate, concurrency, MEASURED), Duration.ofMinutes(3));
    }

    void sustained(int rate, int seconds, Report report, MongoDatabase db) throws Exception {
        long rejectedBefore = rejected.get();
        long start = System.nanoTime();
        List<String> ids = send(rate * seconds, rate, concurrency, MEASURED);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long lastSeen = await(ids, Duration.ofMinutes(3));
        long[] latencies = ids.stream().filter(seenAt::containsKey).mapToLong(id -> seenAt.get(id) - sentAt.get(id)).toArray();
        Arrays.sort(latencies);
        long seen = latencies.length;
        double p50 = latencies.length == 0 ? 0 : latencies[latencies.length / 2] / 1e6;
        double p99 = latencies.length == 0 ? 0 : latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6;
        double processed = seen / ((lastSeen - start) / 1e9);
        report.add("inbound, target %,d msgs/s for %d s".formatted(rate, seconds), ("sent %,d in %.1f s (%,.0f/s offered), "
                + "processed %,.0f msgs/s, p50 %.0f ms, p99 %.0f ms end to end").formatted(ids.size(), sendSeconds,
                ids.size() / sendSeconds, processed, p50, p99));
        report.add("inbound p99 / max per 10 s of sending (ms)", windows(ids, start));
        report.add("inbound loss", "rejected %d, events missing %d, stored %,d of %,d, duplicate events %d".formatted(
                rejected.get() - rejectedBefore, ids.size() - seen, ConversationsBench.stored(db, prefixed(ids)), ids.size(),
                duplicates.get()));
        report.add("threads readable (sample of 50 through the API)", readable(ids) + " of 50");
        report.add("inbound verdict", "target >= %,d msgs/s with p99 <= 500 ms and zero loss -> %s".formatted(rate,
                processed >= rate * 0.98 && p99 <= 500 && seen == ids.size() ? "MET" : "NOT MET"));
    }

    /** Where in the run the tail sits: a spike (a pause, a periodic job) or a backlog that builds up. */
    private String windows(List<String> ids, long start) {
        TreeMap<Long, List<Long>> byWindow = new TreeMap<>();
        ids.stream().filter(seenAt::containsKey).forEach(id -> byWindow.computeIfAbsent(
                (sentAt.get(id) - start) / 10_000_000_000L, w -> new ArrayList<>())
                .add(seenAt.get(id) - sentAt.get(id)));
        return byWindow.values().stream().map(window -> {
            long[] sorted = window.stream().mapToLong(Long::longValue).sorted().toArray();
            return "%.0f/%.0f".formatted(sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }).collect(Collectors.joining(", "));
    }

    void burst(int n, Report report, MongoDatabase db) throws Exception {
        long duplicatesBefore = duplicates.get();
        long rejectedBefore = rejected.get();
        refusals.clear();
        long start = System.nanoTime();
        List<String> ids = send(n, 0, concurrency * 4, MEASURED);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long lastSeen = await(ids, Duration.ofMinutes(10));
        long seen = ids.stream().filter(seenAt::containsKey).count();
        long refused = rejected.get() - rejectedBefore;
        report.add("burst of %,d as fast as possible".formatted(n), ("answered in %.1f s (%,d refused %s, the provider's to"
                + " retry), every accepted one processed after %.1f s; accepted events missing %d, stored %,d,"
                + " duplicate events %d").formatted(sendSeconds, refused, refusals, (lastSeen - start) / 1e9,
                ids.stream().filter(accepted::contains).filter(id -> !seenAt.containsKey(id)).count(),
                ConversationsBench.stored(db, prefixed(ids)), duplicates.get() - duplicatesBefore));
    }

    private static List<String> prefixed(List<String> ids) {
        return ids.stream().map(id -> "whatsapp:" + id).toList();
    }

    private int readable(List<String> ids) {
        String token = Tokens.user("ana");
        int ok = 0;
        for (int i = 0; i < 50; i++) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            String conversation = conversationOf.get(id);
            if (conversation != null && Http.get(url + "/api/conversations/" + conversation, token).body().contains(id)) {
                ok++;
            }
        }
        return ok;
    }

    /** Sends n webhooks, paced at {@code rate} per second (0 = as fast as the concurrency allows). */
    private List<String> send(int n, int rate, int inFlight, String prefix) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        List<String> ids = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (rate > 0) {
                long due = start + (long) (i * (1e9 / rate));
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            permits.acquire();
            String id = "wamid.B" + UUID.randomUUID().toString().replace("-", "");
            ids.add(id);
            byte[] body = payload(id, prefix);
            sentAt.put(id, System.nanoTime());
            http.sendAsync(HttpRequest.newBuilder(URI.create(url + "/webhooks/whatsapp"))
                            .header("Content-Type", "application/json").header("X-Hub-Signature-256", sign(body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        permits.release();
                        if (error != null || response.statusCode() != 200) {
                            rejected.incrementAndGet();
                            refusals.merge(error != null ? error.getClass().getSimpleName()
                                    : "HTTP " + response.statusCode(), 1, Integer::sum);
                        } else {
                            accepted.add(id);
                        }
                    });
        }
        permits.acquire(inFlight);
        return ids;
    }

    /** Waits until every accepted id was seen (or the timeout); the time of the last one seen. */
    private long await(List<String> ids, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)
                && !ids.stream().filter(accepted::contains).allMatch(seenAt::containsKey)) {
            Thread.sleep(200);
        }
        return ids.stream().map(seenAt::get).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max()
                .orElse(System.nanoTime());
    }

    private byte[] payload(String id, String prefix) {
        // never ending in zeros: profile-service blocks such numbers as placeholders
        String phone = prefix + String.format("%06d", ThreadLocalRandom.current().nextInt(customers)) + "7";
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"1"},
                "contacts":[{"profile":{"name":"Cliente"},"wa_id":"%1$s"}],"messages":[{"from":"%1$s","id":"%2$s",
                "timestamp":"%3$d","type":"text","text":{"body":"Hola, ¿dónde está mi pedido?"}}]}}]}]}"""
                .formatted(phone, id, Instant.now().getEpochSecond()).getBytes(StandardCharsets.UTF_8);
    }

    private synchronized String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
