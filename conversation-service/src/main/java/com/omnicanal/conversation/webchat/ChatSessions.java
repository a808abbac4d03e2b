package com.omnicanal.conversation.webchat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Anonymous visitors' sessions: {@code <session id>.<store or ->.<HMAC>}, signed with the service's session secret,
 * so a visitor can only ever speak as the session they were given (no server-side session store needed).
 */
@Component
class ChatSessions {

    private final byte[] secret;

    ChatSessions(@Value("${omni.channels.webchat.session-secret:}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    record Session(String id, String storeId) {
    }

    String issue(String storeId) {
        if (secret.length == 0) {
            throw new IllegalStateException("omni.channels.webchat.session-secret is not set");
        }
        String payload = UUID.randomUUID() + "." + (storeId == null ? "-" : storeId);
        return payload + "." + sign(payload);
    }

    Optional<Session> verify(String token) {
        if (token == null || secret.length == 0) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", 2);
        return Optional.of(new Session(parts[0], parts.length < 2 || parts[1].equals("-") ? null : parts[1]));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
