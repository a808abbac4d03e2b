package com.omnicanal.conversation.channel;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Meta's webhook verification ({@code hub.mode=subscribe}, {@code hub.verify_token}): echo the challenge or refuse. */
public final class MetaHandshake {

    private MetaHandshake() {
    }

    public static String answer(String mode, String token, String challenge, String verifyToken) {
        boolean matches = verifyToken != null && !verifyToken.isBlank() && token != null && MessageDigest.isEqual(
                verifyToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !matches) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "verification refused");
        }
        return challenge;
    }

    /** Refuses (401) a payload whose {@code X-Hub-Signature-256} does not match, before anything is read. */
    public static void requireSignature(byte[] body, String signature, String appSecret) {
        if (!MetaSignature.valid(body, signature, appSecret)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid signature");
        }
    }
}
