package com.omnicanal.mongowire;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests decoded from their heap copies, through the wire with the real driver: whatever their size and text. */
class WireServerTest {

    private static WireServer server;
    private static InetSocketAddress address;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new WireServer(new HelloCommandBackend(new LeanMemoryBackend()));
        address = server.bind("127.0.0.1", 0);
        client = client();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static MongoClient client() {
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Test
    void aRequestLargerThanOneSocketReadArrivesWhole() {
        MongoCollection<Document> c = client.getDatabase("t").getCollection("large");
        String text = "ñandú 🚀 ".repeat(400_000); // ~4 MB: many reads of the socket, one request
        c.insertOne(new Document("_id", "big").append("text", text).append("n", 7));
        Document read = c.find(Filters.eq("_id", "big")).first();
        assertThat(read).isNotNull();
        assertThat(read.getString("text")).isEqualTo(text);
        assertThat(read.getInteger("n")).isEqualTo(7);
    }

    @Test
    void aBulkOfManyDocumentsKeepsEveryFieldAndString() {
        MongoCollection<Document> c = client.getDatabase("t").getCollection("bulk");
        List<Document> docs = new ArrayList<>(IntStream.range(0, 5_000).mapToObj(i -> new Document("_id", "d-" + i)
                .append("name", "José Ñúñez " + i).append("tags", List.of("a", "ü-" + i)).append("nested",
                        new Document("k", i).append("s", "straße"))).toList());
        c.insertMany(docs);
        assertThat(c.countDocuments()).isEqualTo(5_000);
        Document one = c.find(Filters.eq("_id", "d-4321")).first();
        assertThat(one).isEqualTo(docs.get(4321));
    }

    @Test
    void aMalformedRequestLeavesOtherConnectionsServed() throws Exception {
        try (Socket raw = new Socket(address.getHostString(), address.getPort())) {
            OutputStream out = raw.getOutputStream();
            out.write(new byte[] {5, 0, 0, 0, 1, 2, 3, 4}); // a length shorter than any header
            out.flush();
        }
        try (MongoClient other = client()) {
            MongoCollection<Document> c = other.getDatabase("t").getCollection("after");
            c.insertOne(new Document("_id", "still-served"));
            assertThat(c.countDocuments()).isEqualTo(1);
        }
    }
}
