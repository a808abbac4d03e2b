package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB-wire server that {@code ./omni} runs when no {@code MONGODB_URI} is given.
 * Usage: {@code java -jar mongo-wire-exec.jar [--port 27017] [--file data.mv | --memory]}.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(option(args, "--port", "27017"));
        String file = option(args, "--file", null);
        MongoBackend backend = file == null ? new LeanMemoryBackend() : h2(Path.of(file));
        MongoServer server = new MongoServer(new HelloCommandBackend(backend));
        server.bind("127.0.0.1", port);
        System.out.printf("mongo-wire listening on 127.0.0.1:%d (%s)%n", port, file == null ? "in memory" : file);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow(); // closes the backend, which flushes the H2 store
            stopped.countDown();
        }));
        stopped.await();
    }

    private static MongoBackend h2(Path file) throws Exception {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new H2Backend(file.toString());
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
