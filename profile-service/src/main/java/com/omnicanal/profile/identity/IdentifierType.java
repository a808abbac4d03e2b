package com.omnicanal.profile.identity;

import java.util.Arrays;
import java.util.Optional;

/** The identifier types a profile may carry; {@code external:<partner>} is scoped to one partner. */
enum IdentifierType {
    EMAIL, PHONE, WHATSAPP, MESSENGER, INSTAGRAM, TELEGRAM, WEB, APP, CUSTOMER_NUMBER, KEYCLOAK, EXTERNAL;

    static final String EXTERNAL_PREFIX = "external:";

    static Optional<IdentifierType> parse(String type) {
        if (type == null) {
            return Optional.empty();
        }
        if (type.startsWith(EXTERNAL_PREFIX) && type.length() > EXTERNAL_PREFIX.length()
                && type.substring(EXTERNAL_PREFIX.length()).matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            return Optional.of(EXTERNAL);
        }
        return Arrays.stream(values()).filter(t -> t != EXTERNAL && t.code().equals(type)).findFirst();
    }

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
