package com.omnicanal.conversation.inbox;

import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/** profile-service's identify, called with this service's own token: who wrote, as one profile across channels. */
@Component
class Profiles {

    private final RestClient profiles;

    Profiles(ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl) {
        this.profiles = clients.to(profileUrl);
    }

    private record Identified(String profileId) {
    }

    /**
     * The sender's profile; a channel that delivered the message has proven the identifier (verified). A WhatsApp
     * number is a phone number too, so the customer who writes on WhatsApp and by SMS is one person.
     */
    String identify(String type, String value, String name, String channel) {
        List<Map<String, Object>> identifiers = type.equals("whatsapp")
                ? List.of(Map.of("type", type, "value", value, "verified", true),
                        Map.of("type", "phone", "value", value, "verified", true))
                : List.of(Map.of("type", type, "value", value, "verified", true));
        Map<String, Object> body = Map.of(
                "identifiers", identifiers,
                "traits", name == null ? Map.of() : Map.of("name", name),
                "source", channel);
        return profiles.post().uri("/api/profiles/identify").body(body).retrieve().body(Identified.class).profileId();
    }
}
