package com.omnicanal.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the test Keycloak: password grant on {@code omni-cli}, client credentials otherwise. */
public final class Tokens {

    /** Password of every demo user in the local realm (see infra/keycloak). */
    public static final String DEMO_PASSWORD = "omnicanal";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** A token for a demo user: carla (customer), ana (agent), sofia (supervisor), marco (marketer), adrian (admin). */
    public static String user(String username) {
        return cached("user:" + username, () -> request(Map.of("grant_type", "password", "client_id", "omni-cli",
                "username", username, "password", DEMO_PASSWORD, "scope", "openid")));
    }

    public static String partnerDemo() {
        return client("partner-demo");
    }

    public static String services() {
        return client("omni-services");
    }

    public static String client(String clientId) {
        String secret = Infrastructure.get().clientSecret(clientId);
        return cached("client:" + clientId, () -> request(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** The raw token endpoint answer, for tests that expect a refusal. */
    public static HttpResponse<String> tokenResponse(Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Infrastructure.get().issuerUri()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + Infrastructure.get().keycloakUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expires().isAfter(Instant.now())) {
            return hit.token();
        }
        String token = fetch.get();
        CACHE.put(key, new Cached(token, Instant.now().plusSeconds(120))); // tokens live 15 min; stay far from it
        return token;
    }

    private static String request(Map<String, String> form) {
        HttpResponse<String> response = tokenResponse(form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asString();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
