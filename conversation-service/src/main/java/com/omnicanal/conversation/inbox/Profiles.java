package com.omnicanal.conversation.inbox;

import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** profile-service's identify, called with this service's own token: who wrote, as one profile across channels. */
@Component
class Profiles {

    private static final int BATCH = 500; // profile-service's limit per identify batch

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

    private record IdentifiedAll(List<Identified> results) {
    }

    /** The sender's profile. A WhatsApp number is a phone number too, so WhatsApp and SMS senders are one person. */
    String identify(List<InboundMessage.SenderId> sender, String name, String channel) {
        return known.get(List.copyOf(sender), ids -> profiles.post().uri("/api/profiles/identify")
                .body(request(ids, name, channel)).retrieve().body(Identified.class).profileId());
    }

    /** The senders of a batch not known here yet, identified in one call per {@value #BATCH} and remembered. */
    void identifyAll(List<InboundMessage> messages) {
        Map<List<InboundMessage.SenderId>, InboundMessage> unknown = new LinkedHashMap<>();
        messages.forEach(m -> {
            List<InboundMessage.SenderId> sender = List.copyOf(m.sender());
            if (known.getIfPresent(sender) == null) {
                unknown.putIfAbsent(sender, m);
            }
        });
        List<InboundMessage> firsts = List.copyOf(unknown.values());
        for (int from = 0; from < firsts.size(); from += BATCH) {
            List<InboundMessage> chunk = firsts.subList(from, Math.min(firsts.size(), from + BATCH));
            List<Identified> results = profiles.post().uri("/api/profiles/identify/batch")
                    .body(Map.of("requests", chunk.stream().map(m -> request(m.sender(), m.senderName(), m.channel()))
                            .toList())).retrieve().body(IdentifiedAll.class).results();
            for (int i = 0; i < chunk.size(); i++) {
                known.put(List.copyOf(chunk.get(i).sender()), results.get(i).profileId());
            }
        }
    }

    private static Map<String, Object> request(List<InboundMessage.SenderId> sender, String name, String channel) {
        List<Map<String, Object>> identifiers = new ArrayList<>();
        for (InboundMessage.SenderId id : sender) {
            identifiers.add(Map.of("type", id.type(), "value", id.value(), "verified", id.verified()));
            if (id.type().equals("whatsapp")) {
                identifiers.add(Map.of("type", "phone", "value", id.value(), "verified", id.verified()));
            }
        }
        return Map.of("identifiers", identifiers, "traits", name == null ? Map.of() : Map.of("name", name),
                "source", channel);
    }
}
