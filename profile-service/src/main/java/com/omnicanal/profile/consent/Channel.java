package com.omnicanal.profile.consent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The channels a customer can be reached on, each with the identifier types that give it an address. */
enum Channel {
    WHATSAPP("whatsapp"), SMS("phone"), EMAIL("email"), TELEGRAM("telegram"), MESSENGER("messenger"),
    INSTAGRAM("instagram"), WEBCHAT("keycloak", "app", "web"), PHONE("phone");

    private final List<String> addressTypes;

    Channel(String... addressTypes) {
        this.addressTypes = List.of(addressTypes);
    }

    List<String> addressTypes() {
        return addressTypes;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Channel> parse(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
