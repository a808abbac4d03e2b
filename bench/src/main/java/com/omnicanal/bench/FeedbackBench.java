package com.omnicanal.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.omnicanal.testing.Http;
import com.omnicanal.testing.Infrastructure;
import com.omnicanal.testing.Repository;
import com.omnicanal.testing.ServiceProcess;
import com.omnicanal.testing.TestBroker;
import com.omnicanal.testing.Tokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./omni bench feedback}: issue #7's numbers on the embedded store — answers through the gateway's public
 * survey path at a target rate for a duration, with none lost (every accepted answer stored, counted in the analytics
 * and published as {@code response-submitted}), beside the raw store insert rate measured in the same run; then the
 * dashboard's queries over a million responses, for every filter it offers.
 */
public final class FeedbackBench {

    static final String DB = "bench-feedback";
    static final String SURVEY = "bench-nps";

    private FeedbackBench() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(0); // HTTP client and broker threads must not keep the run alive (nor a failed run)
    }

    private static void run() throws Exception {
        int rate = Integer.getInteger("rate", 1000);
        int seconds = Integer.getInteger("seconds", 60);
        int responses = Integer.getInteger("responses", 1_000_000);
        int concurrency = Integer.getInteger("concurrency", 256);
        Infrastructure infra = Infrastructure.get();
        Report report = new Report();
        try (MongoClient client = MongoClients.create(infra.mongoUri()); TestBroker broker = new TestBroker()) {
            client.getDatabase(DB).drop();
            Baselines.storeInserts(client.getDatabase("bench-raw"), 20_000, report);
            try (ServiceProcess feedback = ServiceProcess.start(Repository.root(), "feedback-service",
                    env(infra, Map.of("FEEDBACK_DB", DB)), Report.serviceJvm("feedback-service", "-Xmx1g"));
                 ServiceProcess gateway = startGateway(infra, feedback)) {
                saveSurvey(gateway.url());
                FeedbackAnswers answers = new FeedbackAnswers(gateway.url(), client.getDatabase(DB), broker, concurrency);
                // steady state: with 3,000 warm-up answers, C2 still compiled through the run (~30% of each JVM's CPU)
                answers.warmUp(Integer.getInteger("warmup", 30_000), Math.min(rate, 600));
                answers.sustained(rate, seconds, report);
                if (responses > 0) { // -Dresponses=0: the answers part only
                    new FeedbackDashboard(feedback.url(), gateway.url(), client.getDatabase(DB)).run(responses, report);
                }
            }
        }
        report.print();
    }

    private static ServiceProcess startGateway(Infrastructure infra, ServiceProcess feedback) {
        feedback.awaitReady(Duration.ofMinutes(3));
        // the gateway's default Resilience4j bulkhead admits 25 concurrent calls per backend: 1,000/s needs more
        ServiceProcess gateway = ServiceProcess.start(Repository.root(), "gateway", env(infra, Map.of(
                "FEEDBACK_SERVICE_URL", feedback.url(), "RESILIENCE4J_BULKHEAD_CONFIGS_DEFAULT_MAXCONCURRENTCALLS",
                System.getProperty("gatewayBulkhead", "1000"))), Report.serviceJvm("gateway", "-Xmx512m"));
        gateway.awaitReady(Duration.ofMinutes(3));
        return gateway;
    }

    private static void saveSurvey(String gateway) {
        Http.Response saved = Http.send("PUT", gateway + "/api/surveys/" + SURVEY, Tokens.user("sofia"),
                Map.of("Content-Type", "application/json"), """
                {"name":"Bench NPS","kind":"nps","trigger":{"on":"manual"},
                 "languages":{"es":{"title":"¿Nos recomendarías?","questions":[
                   {"id":"score","type":"rating","text":"Del 0 al 10","min":0,"max":10,"required":true},
                   {"id":"why","type":"text","text":"¿Por qué?"}]}}}""");
        if (saved.status() != 200) {
            throw new IllegalStateException("survey not saved: " + saved.body());
        }
    }

    static Map<String, String> env(Infrastructure infra, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("MONGODB_URI", infra.mongoUri(),
                "RABBITMQ_HOST", infra.rabbitHost(), "RABBITMQ_PORT", String.valueOf(infra.rabbitPort()),
                "RABBITMQ_USERNAME", infra.rabbitUsername(), "RABBITMQ_PASSWORD", infra.rabbitPassword(),
                "KEYCLOAK_ISSUER_URI", infra.issuerUri()));
        env.putAll(extra);
        return env;
    }
}
