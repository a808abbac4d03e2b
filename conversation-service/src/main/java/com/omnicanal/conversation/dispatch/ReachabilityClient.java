package com.omnicanal.conversation.dispatch;

import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.List;

/** profile-service's reachability: which channels may carry this purpose now, and why the others may not. */
@Component
class ReachabilityClient {

    private final RestClient profiles;

    ReachabilityClient(ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl) {
        this.profiles = clients.to(profileUrl);
    }

    record Allowed(String channel, String address, String rank) {
    }

    record Blocked(String channel, List<String> reasons, Instant allowedFrom) {
    }

    record Reachability(List<Allowed> allowed, List<Blocked> blocked) {
    }

    Reachability of(String profileId, String purpose) {
        return profiles.get().uri("/api/profiles/{id}/reachability?purpose={purpose}", profileId, purpose)
                .retrieve().body(Reachability.class);
    }
}
