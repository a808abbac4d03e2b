package com.omnicanal.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.Infrastructure;
import com.omnicanal.testing.Repository;
import com.omnicanal.testing.ServiceProcess;
import com.omnicanal.testing.TestBroker;
import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./omni bench conversations}: issue #4's numbers on the embedded store — the inbound pipeline (signed
 * WhatsApp webhook → stored → {@code message-received} published → thread readable) at a target rate for a
 * duration, with zero loss and its end-to-end p99, beside the raw broker publish rate and the raw store insert rate
 * measured in the same run; then a burst faster than it can be processed, fully processed afterwards.
 */
public final class ConversationsBench {

    static final String APP_SECRET = "bench-" + UUID.randomUUID();
    private static final String PROFILE_DB = "bench-conv-profiles";
    private static final String CONVERSATION_DB = "bench-conversations";

    private ConversationsBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("rate", 1000);
        int seconds = Integer.getInteger("seconds", 60);
        int burst = Integer.getInteger("burst", 10_000);
        int customers = Integer.getInteger("customers", 5000);
        int concurrency = Integer.getInteger("concurrency", 128);
        Infrastructure infra = Infrastructure.get();
        Report report = new Report();
        try (MongoClient client = MongoClients.create(infra.mongoUri()); TestBroker broker = new TestBroker()) {
            client.getDatabase(PROFILE_DB).drop();
            client.getDatabase(CONVERSATION_DB).drop();
            Baselines.storeInserts(client.getDatabase("bench-raw"), 20_000, report);
            Baselines.brokerPublishes(broker, 20_000, report);
            try (ServiceProcess profiles = ServiceProcess.start(Repository.root(), "profile-service",
                    env(infra, Map.of("PROFILE_DB", PROFILE_DB)), Report.serviceJvm("profile-service", "-Xmx2g"));
                 ServiceProcess conversations = startConversations(infra, profiles)) {
                Inbound inbound = new Inbound(conversations.url(), broker, customers, concurrency);
                // 3,000 from the measured pool as before (about 45% of its customers known at the start), after a
                // JIT warm-up on other customers: with 3,000 alone, C2 still compiled through the measured run
                inbound.warmUp(Integer.getInteger("warmup", 20_000), 3000, Math.min(rate, 400));
                // the measured run starts on no backlog of the warm-up's (session 15: it was one within 2 s)
                report.add("warm-up's events settled", new Settled(broker, List.of(client.getDatabase(PROFILE_DB),
                        client.getDatabase(CONVERSATION_DB)), List.of("omni.conversation.profile",
                        "omni.conversation.conversation", "omni.profile.conversation", "omni.profile.profile"))
                        .await(Duration.ofMinutes(3)));
                inbound.sustained(rate, seconds, report, client.getDatabase(CONVERSATION_DB));
                inbound.burst(burst, report, client.getDatabase(CONVERSATION_DB));
            }
        }
        report.print();
        System.exit(0); // HTTP client and broker threads must not keep the run alive
    }

    private static ServiceProcess startConversations(Infrastructure infra, ServiceProcess profiles) {
        profiles.awaitReady(Duration.ofMinutes(3));
        ServiceProcess conversations = ServiceProcess.start(Repository.root(), "conversation-service",
                env(infra, Map.of("CONVERSATION_DB", CONVERSATION_DB, "PROFILE_SERVICE_URL", profiles.url(),
                        "WHATSAPP_APP_SECRET", APP_SECRET)), Report.serviceJvm("conversation-service", "-Xmx2g"));
        conversations.awaitReady(Duration.ofMinutes(3));
        return conversations;
    }

    private static Map<String, String> env(Infrastructure infra, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("MONGODB_URI", infra.mongoUri(),
                "RABBITMQ_HOST", infra.rabbitHost(), "RABBITMQ_PORT", String.valueOf(infra.rabbitPort()),
                "RABBITMQ_USERNAME", infra.rabbitUsername(), "RABBITMQ_PASSWORD", infra.rabbitPassword(),
                "KEYCLOAK_ISSUER_URI", infra.issuerUri()));
        env.putAll(extra);
        return env;
    }

    /** How many of these message ids are stored (read by _id in batches). */
    static long stored(MongoDatabase db, List<String> ids) {
        MongoCollection<Document> messages = db.getCollection("messages");
        long found = 0;
        for (int i = 0; i < ids.size(); i += 500) {
            // a find by _id $in uses the store's _id index (a count would scan every message)
            for (Document ignored : messages.find(new Document("_id", new Document("$in",
                    ids.subList(i, Math.min(ids.size(), i + 500))))).projection(new Document("_id", 1))) {
                found++;
            }
        }
        return found;
    }
}
