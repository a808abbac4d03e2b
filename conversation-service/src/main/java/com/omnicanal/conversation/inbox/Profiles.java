package com.omnicanal.conversation.inbox;

import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** profile-service's identify, called with this service's own token: who wrote, as one profile across channels. */
@Component
class Profiles {

    private final RestClient profiles;
    /** Who an identifier set belongs to, for the inbound hot path; merges and erasures clear it (see below). */
    private final Cache<List<InboundMessage.SenderId>, String> known = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    Profiles(ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl) {
        this.profiles = clients.to(profileUrl);
    }

    /** A merge or an erasure changes who identifiers belong to: forget the cached answers about those profiles. */
    void forget(String profileId) {
        known.asMap().values().removeIf(profileId::equals);
    }

    private record Identified(String profileId) {
    }

    /** The sender's profile. A WhatsApp number is a phone number too, so WhatsApp and SMS senders are one person. */
    String identify(List<InboundMessage.SenderId> sender, String name, String channel) {
        return known.get(List.copyOf(sender), ids -> call(ids, name, channel));
    }

    private String call(List<InboundMessage.SenderId> sender, String name, String channel) {
        List<Map<String, Object>> identifiers = new ArrayList<>();
        for (InboundMessage.SenderId id : sender) {
            identifiers.add(Map.of("type", id.type(), "value", id.value(), "verified", id.verified()));
            if (id.type().equals("whatsapp")) {
                identifiers.add(Map.of("type", "phone", "value", id.value(), "verified", id.verified()));
            }
        }
        Map<String, Object> body = Map.of("identifiers", identifiers,
                "traits", name == null ? Map.of() : Map.of("name", name), "source", channel);
        return profiles.post().uri("/api/profiles/identify").body(body).retrieve().body(Identified.class).profileId();
    }
}
