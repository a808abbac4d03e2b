package com.omnicanal.feedback.touchpoint;

import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A respondent who chose to leave a phone or e-mail (with consent) is resolved to their profile in profile-service,
 * unverified (typing an address proves nothing, so it never merges profiles on its own).
 */
@Component
class Respondents {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{7,20}");

    private final RestClient profiles;

    Respondents(ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl) {
        this.profiles = clients.to(profileUrl);
    }

    /** Null when the contact is neither an e-mail nor a phone number. */
    static String type(String contact) {
        return EMAIL.matcher(contact).matches() ? "email" : PHONE.matcher(contact).matches() ? "phone" : null;
    }

    String identify(String contact, String language) {
        JsonNode resolved = profiles.post().uri("/api/profiles/identify").body(Map.of(
                "identifiers", List.of(Map.of("type", type(contact), "value", contact.trim(), "verified", false)),
                "traits", Map.of("language", language), "source", "qr-survey")).retrieve().body(JsonNode.class);
        return resolved.path("profileId").asString();
    }
}
