package com.omnicanal.campaign.tracking;

import com.omnicanal.support.client.ServiceClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who scanned, when the scan comes from a signed-in customer's app (its token relayed through the gateway): their
 * profile, resolved by profile-service from the token's subject (and verified e-mail) as their own view resolves it.
 */
@Component
class SignedInScanners {

    private static final Logger log = LoggerFactory.getLogger(SignedInScanners.class);

    private final RestClient profiles;

    SignedInScanners(ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl) {
        this.profiles = clients.to(profileUrl);
    }

    /** Empty for an anonymous scan, or a caller who is not a customer (staff trying a code are not scanners). */
    Optional<String> profileOf(Authentication caller) {
        if (!(caller instanceof JwtAuthenticationToken token) || token.getAuthorities().stream()
                .noneMatch(a -> "ROLE_customer".equals(a.getAuthority()))) {
            return Optional.empty();
        }
        Jwt jwt = token.getToken();
        List<Map<String, Object>> identifiers = new ArrayList<>();
        identifiers.add(Map.of("type", "keycloak", "value", jwt.getSubject(), "verified", true));
        String email = jwt.getClaimAsString("email");
        if (email != null && Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"))) {
            identifiers.add(Map.of("type", "email", "value", email, "verified", true));
        }
        try {
            JsonNode resolved = profiles.post().uri("/api/profiles/identify")
                    .body(Map.of("identifiers", identifiers, "source", "qr-scan")).retrieve().body(JsonNode.class);
            return Optional.ofNullable(resolved == null ? null : resolved.path("profileId").asString(null));
        } catch (RestClientException e) { // the scan still redirects, as an anonymous one
            log.warn("a signed-in scanner could not be identified ({}); the scan counts as anonymous", e.toString());
            return Optional.empty();
        }
    }
}
