package com.omnicanal.conversation.email;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Mailgun's webhook signature: hex HMAC-SHA256 of {@code timestamp + token} with the webhook signing key. */
final class MailgunSignature {

    private MailgunSignature() {
    }

    static String sign(String timestamp, String token, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean valid(String timestamp, String token, String signature, String key) {
        if (timestamp == null || token == null || signature == null || key == null || key.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp, token, key).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
