package com.omnicanal.profile.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The identifier types a profile may carry; {@code external:<partner>} is scoped to one partner. */
enum IdentifierType {
    EMAIL, PHONE, WHATSAPP, MESSENGER, INSTAGRAM, TELEGRAM, WEB, APP, CUSTOMER_NUMBER, KEYCLOAK, EXTERNAL;

    static final String EXTERNAL_PREFIX = "external:";
    private static final Pattern PARTNER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** By code, built once: parsed twice per identifier of every activity. */
    private static final Map<String, IdentifierType> BY_CODE = Arrays.stream(values()).filter(t -> t != EXTERNAL)
            .collect(Collectors.toUnmodifiableMap(IdentifierType::code, t -> t));

    static Optional<IdentifierType> parse(String type) {
        if (type == null) {
            return Optional.empty();
        }
        if (type.startsWith(EXTERNAL_PREFIX) && type.length() > EXTERNAL_PREFIX.length()
                && PARTNER.matcher(type.substring(EXTERNAL_PREFIX.length())).matches()) {
            return Optional.of(EXTERNAL);
        }
        return Optional.ofNullable(BY_CODE.get(type));
    }

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
