package com.omnicanal.conversation.webchat;

import com.omnicanal.conversation.inbox.InboundMessage.SenderId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is chatting: a signed-in customer (their token's subject, and their e-mail when Keycloak verified it) or an
 * anonymous visitor holding a signed session. Anyone else learns nothing (401).
 */
record ChatCaller(String address, List<SenderId> identifiers, String name, String storeId) {

    static ChatCaller of(Authentication authentication, String sessionToken, ChatSessions sessions) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            List<SenderId> ids = new ArrayList<>();
            ids.add(new SenderId("keycloak", jwt.getToken().getSubject(), true));
            String email = jwt.getToken().getClaimAsString("email");
            if (email != null && Boolean.TRUE.equals(jwt.getToken().getClaimAsBoolean("email_verified"))) {
                ids.add(new SenderId("email", email, true));
            }
            ChatSessions.Session session = sessions.verify(sessionToken).orElse(null);
            return new ChatCaller(jwt.getToken().getSubject(), ids, jwt.getToken().getClaimAsString("name"),
                    session == null ? null : session.storeId());
        }
        ChatSessions.Session session = sessions.verify(sessionToken)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in or open a chat session"));
        return new ChatCaller(session.id(), List.of(new SenderId("web", session.id(), true)), null, session.storeId());
    }
}
