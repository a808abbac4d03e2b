package com.omnicanal.support.client;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/** This service's access token for internal calls, fetched by client credentials and reused until near expiry. */
public class ServiceTokens {

    private final RestClient http;
    private final ServiceClientProperties properties;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    ServiceTokens(RestClient http, ServiceClientProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    public String token() {
        if (Instant.now().isBefore(renewAt)) {
            return token;
        }
        lock.lock();
        try {
            if (Instant.now().isAfter(renewAt)) {
                fetch();
            }
            return token;
        } finally {
            lock.unlock();
        }
    }

    private void fetch() {
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new IllegalStateException("omni.services.client-secret (OMNI_SERVICES_CLIENT_SECRET) is not set");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        JsonNode answer = http.post().uri(properties.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(JsonNode.class);
        token = answer.get("access_token").asString();
        long lifetime = answer.path("expires_in").asLong(60);
        renewAt = Instant.now().plusSeconds(Math.max(5, lifetime - 30)); // renew well before it expires
    }
}
