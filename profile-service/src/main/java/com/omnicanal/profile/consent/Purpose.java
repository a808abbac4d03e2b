package com.omnicanal.profile.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a message is sent; service messages are allowed unless refused, the others only when granted. */
enum Purpose {
    SERVICE, MARKETING, SURVEYS;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean optIn() {
        return this != SERVICE;
    }

    static Optional<Purpose> parse(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
