package com.omnicanal.profile.customer;

import java.time.Instant;

/**
 * One normalised identifier of a profile, as the profile shows it. {@code invalidReason} (e.g. {@code wrong-number})
 * keeps an address that proved not to reach this customer on record without ever using it to contact them.
 */
public record ProfileIdentifier(String type, String value, boolean verified, String source, Instant firstSeen,
                                Instant lastSeen, String invalidReason) {

    public ProfileIdentifier(String type, String value, boolean verified, String source, Instant firstSeen,
                             Instant lastSeen) {
        this(type, value, verified, source, firstSeen, lastSeen, null);
    }

    /** The {@code _id} of its lookup document: {@code type:value}. */
    public String key() {
        return type + ":" + value;
    }

    public boolean usable() {
        return invalidReason == null;
    }

    public ProfileIdentifier invalid(String reason) {
        return new ProfileIdentifier(type, value, verified, source, firstSeen, lastSeen, reason);
    }
}
