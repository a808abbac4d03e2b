package com.omnicanal.profile.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The signed-in customer's own profile, found (or created) through their {@code keycloak} identifier; a verified
 * email in the token joins it to the profile they already had from other channels.
 */
@Component
public class CurrentCustomer {

    private final IdentityResolver resolver;

    CurrentCustomer(IdentityResolver resolver) {
        this.resolver = resolver;
    }

    public String profileId(Authentication authentication) {
        Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
        List<IdentifyRequest.IdentifierInput> identifiers = new ArrayList<>();
        identifiers.add(new IdentifyRequest.IdentifierInput("keycloak", jwt.getSubject(), true, false));
        String email = jwt.getClaimAsString("email");
        if (email != null && Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"))) {
            identifiers.add(new IdentifyRequest.IdentifierInput("email", email, true, false));
        }
        IdentifyRequest request = new IdentifyRequest(identifiers,
                new IdentifyRequest.Traits(jwt.getClaimAsString("name"), null, null), "web");
        return resolver.identify(request, "user:" + jwt.getClaimAsString("preferred_username")).profileId();
    }
}
