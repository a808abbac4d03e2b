package com.omnicanal.conversation.dispatch;

import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** profile-service's reachability: which channels may carry this purpose now, and why the others may not. */
@Component
class ReachabilityClient {

    private final RestClient profiles;
    private final RestClient bulk;

    ReachabilityClient(ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl,
                       @Value("${omni.dispatch.bulk-reachability-timeout:PT30S}") Duration bulkTimeout) {
        this.profiles = clients.to(profileUrl);
        this.bulk = profiles.mutate().requestFactory(factory(bulkTimeout)).build();
    }

    /** A batch's question takes longer than one call's read timeout on a busy machine; failing it costs a call each. */
    private static SimpleClientHttpRequestFactory factory(Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(2));
        factory.setReadTimeout(timeout);
        return factory;
    }

    record Allowed(String channel, String address, String rank) {
    }

    record Blocked(String channel, List<String> reasons, Instant allowedFrom) {
    }

    record Reachability(List<Allowed> allowed, List<Blocked> blocked) {
    }

    private record BulkAnswer(List<Answer> results) {
    }

    private record Answer(String profileId, boolean found, Reachability reachability) {
    }

    /** {@code channels}: only those (the request's; empty: all), so the answer and the decisions name only them. */
    Reachability of(String profileId, String purpose, List<String> channels) {
        return profiles.get().uri(channels.isEmpty() ? "/api/profiles/{id}/reachability?purpose={purpose}"
                        : "/api/profiles/{id}/reachability?purpose={purpose}&channels={channels}", profileId, purpose,
                        String.join(",", channels)).retrieve().body(Reachability.class);
    }

    /** Many customers in one call (the same rule as {@link #of}); empty for a profile that does not exist. */
    Map<String, Optional<Reachability>> of(Collection<String> profileIds, String purpose, Collection<String> channels) {
        Map<String, Object> question = new HashMap<>(Map.of("purpose", purpose, "profileIds", List.copyOf(profileIds)));
        if (!channels.isEmpty()) {
            question.put("channels", List.copyOf(channels));
        }
        BulkAnswer answer = bulk.post().uri("/api/profiles/reachability").body(question).retrieve().body(BulkAnswer.class);
        Map<String, Optional<Reachability>> found = new HashMap<>();
        answer.results().forEach(a -> found.put(a.profileId(), a.found() ? Optional.of(a.reachability()) : Optional.empty()));
        return found;
    }
}
