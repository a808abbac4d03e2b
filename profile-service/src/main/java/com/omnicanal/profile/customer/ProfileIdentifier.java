package com.omnicanal.profile.customer;

import java.time.Instant;

/** One normalised identifier of a profile, as the profile shows it. */
public record ProfileIdentifier(String type, String value, boolean verified, String source, Instant firstSeen,
                                Instant lastSeen) {

    /** The {@code _id} of its lookup document: {@code type:value}. */
    public String key() {
        return type + ":" + value;
    }
}
