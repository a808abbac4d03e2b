package com.omnicanal.profile.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns what a channel sends into the one canonical value per identifier: E.164 phones, lower-case emails, hashes. */
@Component
class IdentifierNormalizer {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern OPAQUE = Pattern.compile("^[^\\s]{1,200}$");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final IdentityProperties properties;

    IdentifierNormalizer(IdentityProperties properties) {
        this.properties = properties;
    }

    /** The canonical value, or an exception naming what is wrong with it. */
    String normalize(String type, String value, boolean sensitive) {
        IdentifierType kind = IdentifierType.parse(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown identifier type '" + type + "'"));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        String trimmed = value.strip();
        return switch (kind) {
            case EMAIL -> email(trimmed);
            case PHONE, WHATSAPP -> phone(trimmed);
            case CUSTOMER_NUMBER -> customerNumber(trimmed, sensitive);
            default -> opaque(trimmed);
        };
    }

    private static String email(String value) {
        String email = value.toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("is not a valid email address");
        }
        return email;
    }

    private String phone(String value) {
        try {
            Phonenumber.PhoneNumber number = phones.parse(value, properties.defaultRegion());
            if (!phones.isValidNumber(number)) {
                throw new IllegalArgumentException("is not a valid phone number");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("is not a phone number");
        }
    }

    private String customerNumber(String value, boolean sensitive) {
        String canonical = opaque(value.replace(" ", "").toUpperCase(Locale.ROOT));
        return sensitive ? "hmac:" + hmac(canonical) : canonical;
    }

    private static String opaque(String value) {
        if (!OPAQUE.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1 to 200 characters without spaces");
        }
        return value;
    }

    private String hmac(String value) {
        if (properties.hashKey() == null || properties.hashKey().isBlank()) {
            throw new IllegalStateException("omni.identity.hash-key (IDENTIFIER_HASH_KEY) is not configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.hashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
