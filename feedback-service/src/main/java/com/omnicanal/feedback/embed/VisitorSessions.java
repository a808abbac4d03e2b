package com.omnicanal.feedback.embed;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Anonymous visitors carry a signed id ({@code <id>.<HMAC-SHA256>}): the service made it, so one visitor answers a
 * survey once and cannot pose as another. Without a configured secret each instance signs with its own random one.
 */
@Component
class VisitorSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    VisitorSessions(@Value("${omni.feedback.embed.secret:}") String secret) {
        if (secret.isBlank()) {
            LoggerFactory.getLogger(VisitorSessions.class).warn("omni.feedback.embed.secret is not set: visitor "
                    + "sessions are signed with a random key, valid on this instance until it restarts");
        }
        this.secret = secret.isBlank() ? random(32) : secret.getBytes(StandardCharsets.UTF_8);
    }

    String issue() {
        String id = "v_" + B64.encodeToString(random(15));
        return id + "." + sign(id);
    }

    /** The visitor id, when the session is one we signed. */
    Optional<String> verify(String session) {
        int dot = session == null ? -1 : session.lastIndexOf('.');
        if (dot <= 0 || session.length() > 200) {
            return Optional.empty();
        }
        String id = session.substring(0, dot);
        boolean valid = MessageDigest.isEqual(sign(id).getBytes(StandardCharsets.US_ASCII),
                session.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(id) : Optional.empty();
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
