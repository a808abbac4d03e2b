package com.omnicanal.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** A backend stand-in (not our infrastructure) that answers 200 and remembers the last request's headers. */
final class StubBackend implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<Headers> lastHeaders = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();

    StubBackend(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool()); // a slow answer must not hold up the others
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/slow")) {
                sleep(Duration.ofSeconds(4)); // longer than the gateway's response timeout in the tests (2 s)
            } else if (path.endsWith("/sluggish")) {
                sleep(Duration.ofMillis(1500)); // within it, but longer than Resilience4j's default 1 s time limit
            }
            lastHeaders.set(exchange.getRequestHeaders());
            lastPath.set(exchange.getRequestURI().getPath());
            byte[] body = ("{\"backend\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Headers lastHeaders() {
        return lastHeaders.get();
    }

    String lastPath() {
        return lastPath.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
