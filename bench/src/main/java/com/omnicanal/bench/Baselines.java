package com.omnicanal.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.omnicanal.testing.TestBroker;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.MessageProperties;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The raw rates our pipeline is built on, measured in the same run: single-document inserts, confirmed publishes. */
final class Baselines {

    private Baselines() {
    }

    static void storeInserts(MongoDatabase db, int n, Report report) throws Exception {
        MongoCollection<Document> messages = db.getCollection("raw_messages");
        Latencies inserts = Latencies.measure(n, 8, i -> messages.insertOne(new Document("_id", "whatsapp:wamid." + UUID.randomUUID())
                .append("conversationId", UUID.randomUUID().toString()).append("profileId", UUID.randomUUID().toString())
                .append("direction", "inbound").append("channel", "whatsapp").append("text", "Hola, ¿dónde está mi pedido?")
                .append("at", java.util.Date.from(Instant.now()))));
        report.add("raw store insert, one message document each (baseline, 8 threads)", "%,.0f inserts/s".formatted(n / inserts.seconds()));
        db.drop();
    }

    static void brokerPublishes(TestBroker broker, int n, Report report) {
        String queue = "bench.raw." + UUID.randomUUID();
        byte[] body = ("{\"profileId\":\"" + UUID.randomUUID() + "\",\"channel\":\"whatsapp\"}").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        broker.template().execute(channel -> {
            declare(channel, queue);
            channel.confirmSelect();
            for (int i = 0; i < n; i++) {
                channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, body);
                if (i % 100 == 99) {
                    channel.waitForConfirmsOrDie(10_000);
                }
            }
            channel.waitForConfirmsOrDie(10_000);
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        report.add("raw broker publish, persistent + confirmed to a quorum queue (baseline)", "%,.0f msgs/s".formatted(n / seconds));
        broker.template().execute(channel -> channel.queueDelete(queue));
    }

    private static void declare(Channel channel, String queue) throws java.io.IOException {
        channel.queueDeclare(queue, true, false, false, java.util.Map.of("x-queue-type", "quorum"));
    }
}
