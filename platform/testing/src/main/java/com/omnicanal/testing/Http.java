package com.omnicanal.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests that never throws on 4xx/5xx: tests assert on the status and problem body. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What came back. */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private Http() {
    }

    public static Response get(String url, String token) {
        return send(request(url, token, Map.of()).GET());
    }

    public static Response post(String url, String token, String json) {
        return send(request(url, token, Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Response send(String method, String url, String token, Map<String, String> headers, String body) {
        return send(request(url, token, headers).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Response(response.statusCode(), headers.get("content-type"), response.body(), headers);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
