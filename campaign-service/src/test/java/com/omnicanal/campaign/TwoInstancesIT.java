package com.omnicanal.campaign;

import com.omnicanal.support.timer.TimerDue;
import com.omnicanal.support.timer.TimersDue;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.PlatformServices;
import com.omnicanal.testing.Tokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two campaign-service instances on one store and one broker: every wait fires exactly once between them, a
 * broadcast whose instance stops half-way is taken over by the other and finishes where it left off, and one whose
 * member stream is cut short is resumed, never completed at the cut.
 */
class TwoInstancesIT extends CampaignTestBase {

    @Autowired
    ConfigurableApplicationContext first;

    @Test
    void eachWaitFiresOnceWithTwoInstancesSweepingTheSameTimers() {
        try (ConfigurableApplicationContext second = secondInstance(Map.of())) {
            Map<String, AtomicInteger> byFirst = fired(first);
            Map<String, AtomicInteger> bySecond = fired(second);
            String journey = publish("""
                    {"name":"Waits","purpose":"service","trigger":{"type":"manual"},
                     "phases":[{"id":"apertura","steps":[{"id":"short","type":"wait","duration":"PT2S"},
                                                         {"id":"long","type":"wait","duration":"PT10M"}]}]}""");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String base = i % 2 == 0 ? url("") : "http://localhost:" + port(second);
                ids.add(Http.post(base + "/api/journeys/" + journey + "/enrollments", Tokens.user("marco"),
                        "{\"profileId\":\"two-" + UUID.randomUUID() + "\",\"requestId\":\"w" + i + "\"}").json()
                        .get("id").asString());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> enrollment(id).get("step").asInt() == 1));
            for (String id : ids) {
                assertThat(enrollment(id).get("history").findValuesAsString("action")).filteredOn("wait-over"::equals)
                        .as(id).hasSize(1);
                assertThat(times(byFirst, id) + times(bySecond, id)).as("the 2-second wait of " + id + " fired once, "
                        + "by either instance").isEqualTo(1);
            }
        }
    }

    @Test
    void aBroadcastWhoseInstanceStopsIsResumedByTheOtherWhereItLeftOff() {
        String segment = segmentOf24("America/St_Johns");
        String journey = publish("""
                {"name":"Resumable","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","steps":[{"id":"hold","type":"wait","duration":"PT10M"}]}]}""");

        String id;
        try (ConfigurableApplicationContext second = secondInstance(Map.of("omni.broadcasts.max-rate", "4"))) {
            JsonNode started = Http.post("http://localhost:" + port(second) + "/api/campaigns/broadcasts", Tokens.user("marco"),
                    "{\"journeyId\":\"" + journey + "\",\"segmentId\":\"" + segment + "\"}").json().get("broadcast");
            assertThat(started.get("total").asLong()).isEqualTo(24);
            id = started.get("id").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> broadcast(id).get("processed").asLong() >= 4);
        } // the second instance stops half-way through
        assertThat(broadcast(id).get("processed").asLong()).isLessThan(24);

        await().atMost(Duration.ofSeconds(40)).until(() -> broadcast(id).get("state").asString().equals("completed"));
        JsonNode done = broadcast(id);
        assertThat(done.get("processed").asLong()).isEqualTo(24);
        assertThat(done.get("enrolled").asLong()).as("each member once, whoever enrolled them").isEqualTo(24);
        assertThat(done.get("resumes").asInt()).isEqualTo(1);
    }

    @Test
    void aRunningBroadcastPausesResumesAndCancelsWithinSeconds() throws InterruptedException {
        String segment = segmentOf24("Pacific/Marquesas");
        String journey = publish("""
                {"name":"Stoppable","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","steps":[{"id":"hold","type":"wait","duration":"PT10M"}]}]}""");
        try (ConfigurableApplicationContext second = secondInstance(Map.of("omni.broadcasts.max-rate", "4"))) {
            String id = Http.post("http://localhost:" + port(second) + "/api/campaigns/broadcasts", Tokens.user("marco"),
                    "{\"journeyId\":\"" + journey + "\",\"segmentId\":\"" + segment + "\"}").json().get("broadcast")
                    .get("id").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> broadcast(id).get("processed").asLong() >= 2);
            assertThat(change(id, "pause")).isEqualTo(200);
            Thread.sleep(2_000); // the chunk under way finishes and saves its progress
            long paused = broadcast(id).get("processed").asLong();
            Thread.sleep(2_000);
            assertThat(broadcast(id).get("processed").asLong()).as("nothing moves while paused").isEqualTo(paused)
                    .isLessThan(24);
            assertThat(change(id, "resume")).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> broadcast(id).get("processed").asLong() > paused);
            assertThat(change(id, "cancel")).isEqualTo(200);
            Thread.sleep(2_000);
            long cancelled = broadcast(id).get("processed").asLong();
            Thread.sleep(2_000);
            assertThat(broadcast(id).get("state").asString()).isEqualTo("cancelled");
            assertThat(broadcast(id).get("processed").asLong()).as("nothing moves once cancelled").isEqualTo(cancelled)
                    .isLessThan(24);
        }
    }

    @Test
    void aBroadcastWhoseMemberStreamIsCutShortIsResumedNotCompleted() throws Exception {
        String segment = segmentOf24("Pacific/Norfolk"); // a zone no other test uses: the segment is exactly these 24
        String journey = publish("""
                {"name":"Cut stream","purpose":"service","trigger":{"type":"manual"},
                 "phases":[{"id":"apertura","steps":[{"id":"hold","type":"wait","duration":"PT10M"}]}]}""");
        AtomicInteger streams = new AtomicInteger();
        HttpServer profiles = cuttingFirstMemberStream(10, streams);
        try (ConfigurableApplicationContext second = secondInstance(Map.of("omni.services.profile-url",
                "http://localhost:" + profiles.getAddress().getPort()))) {
            String id = Http.post("http://localhost:" + port(second) + "/api/campaigns/broadcasts", Tokens.user("marco"),
                    "{\"journeyId\":\"" + journey + "\",\"segmentId\":\"" + segment + "\"}").json().get("broadcast")
                    .get("id").asString();
            await().atMost(Duration.ofSeconds(40)).until(() -> broadcast(id).get("state").asString().equals("completed"));
            JsonNode done = broadcast(id);
            // either instance may resume it: through the proxy (a second, whole stream) or straight from profile-service
            assertThat(streams.get()).as("the first stream went through the proxy and was cut after 10").isPositive();
            assertThat(done.get("processed").asLong()).as("not completed at the cut: resumed").isEqualTo(24);
            assertThat(done.get("enrolled").asLong()).isEqualTo(24);
            assertThat(done.get("resumes").asInt()).isPositive();
        } finally {
            profiles.stop(0);
        }
    }

    /**
     * profile-service behind a proxy whose first member stream stops after {@code members} lines, as a timeout or a
     * restart would end it (a clean end of the body, no end line); everything else is passed through.
     */
    private static HttpServer cuttingFirstMemberStream(int members, AtomicInteger streams) throws IOException {
        HttpServer proxy = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        HttpClient client = HttpClient.newHttpClient();
        proxy.createContext("/", exchange -> {
            try (exchange) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(PlatformServices.profiles()
                        + exchange.getRequestURI())).header("Authorization",
                        exchange.getRequestHeaders().getFirst("Authorization")).GET().build();
                HttpResponse<java.util.stream.Stream<String>> response = client.send(request,
                        HttpResponse.BodyHandlers.ofLines());
                boolean cutting = exchange.getRequestURI().getPath().endsWith("/members") && streams.getAndIncrement() == 0;
                exchange.getResponseHeaders().add("Content-Type",
                        response.headers().firstValue("Content-Type").orElse("application/json"));
                exchange.sendResponseHeaders(response.statusCode(), 0);
                try (var lines = response.body(); var out = exchange.getResponseBody()) {
                    lines.limit(cutting ? members : Long.MAX_VALUE)
                            .forEach(line -> write(out, line + "\n"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
        return proxy;
    }

    private static void write(java.io.OutputStream out, String line) {
        try {
            out.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int change(String id, String action) {
        return Http.post(url("/api/campaigns/broadcasts/" + id + "/" + action), Tokens.user("marco"), "{}").status();
    }

    /** A ready segment of 24 new customers in that time zone. */
    private static String segmentOf24(String zone) {
        String segment = "seg-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 24; i++) {
            Http.post(PlatformServices.profiles() + "/api/profiles/identify", Tokens.user("ana"), """
                    {"identifiers":[{"type":"email","value":"r%s@example.com","verified":true}],"traits":{"timezone":"%s"}}"""
                    .formatted(UUID.randomUUID(), zone));
        }
        assertThat(Http.post(PlatformServices.profiles() + "/api/segments", Tokens.user("marco"), """
                {"id":"%s","name":"%s","conditions":[{"field":"timezone","op":"eq","value":"%s"}]}"""
                .formatted(segment, zone, zone)).status()).isLessThan(300);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(PlatformServices.profiles() + "/api/segments/" + segment,
                Tokens.user("marco")).json().get("state").asString().equals("ready"));
        return segment;
    }

    /** A second instance of this service: the same store, broker and Keycloak, its own port and instance id. */
    private ConfigurableApplicationContext secondInstance(Map<String, String> extra) {
        ConfigurableEnvironment env = first.getEnvironment();
        List<String> args = new ArrayList<>();
        MapPropertySource infrastructure = (MapPropertySource) env.getPropertySources().get("omni-test-infrastructure");
        infrastructure.getSource().forEach((k, v) -> args.add("--" + k + "=" + v));
        for (String key : List.of("omni.services.profile-url", "omni.services.conversation-url", "omni.timers.sweep-interval",
                "omni.broadcasts.stale-after", "omni.broadcasts.check-interval", "omni.broadcasts.min-period",
                "omni.broadcasts.batch")) {
            if (!extra.containsKey(key)) {
                args.add("--" + key + "=" + env.getProperty(key));
            }
        }
        args.add("--server.port=0");
        extra.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(CampaignServiceApplication.class).run(args.toArray(String[]::new));
    }

    /** Counts, per subject, the timers this instance fired (alone or in a sweep's batch). */
    private static Map<String, AtomicInteger> fired(ConfigurableApplicationContext context) {
        Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            List<TimerDue> timers = switch (event.getPayload()) {
                case TimerDue due -> List.of(due);
                case TimersDue batch -> batch.timers();
                default -> List.of();
            };
            timers.stream().filter(due -> due.subject() != null)
                    .forEach(due -> fired.computeIfAbsent(due.subject(), s -> new AtomicInteger()).incrementAndGet());
        });
        return fired;
    }

    private static int times(Map<String, AtomicInteger> fired, String subject) {
        AtomicInteger n = fired.get(subject);
        return n == null ? 0 : n.get();
    }

    private static String port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port");
    }

    private JsonNode enrollment(String id) {
        return Http.get(url("/api/campaigns/enrollments/" + id), Tokens.user("marco")).json();
    }

    private JsonNode broadcast(String id) {
        return Http.get(url("/api/campaigns/broadcasts/" + id), Tokens.user("marco")).json().get("broadcast");
    }
}
