package com.omnicanal.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who did something, for audit trails: {@code user:<username>} or {@code client:<client id>}. */
public final class Actor {

    private Actor() {
    }

    public static String of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String username = jwt.getToken().getClaimAsString("preferred_username");
            if (username != null && !username.startsWith("service-account-")) {
                return "user:" + username;
            }
            return "client:" + jwt.getToken().getClaimAsString("azp");
        }
        return authentication == null ? "system" : "user:" + authentication.getName();
    }

    /** A person's username ({@code preferred_username}) — how staff are named in assignments and mentions. */
    public static String username(Authentication authentication) {
        return of(authentication).replaceFirst("^user:", "");
    }

    /** The OAuth client the caller used ({@code azp}), e.g. a partner's client id. */
    public static String client(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getClaimAsString("azp") : null;
    }

    public static String subject(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getSubject() : null;
    }
}
