package com.omnicanal.profile.identity;

import com.omnicanal.profile.customer.ProfileIdentifier;

import java.time.Instant;

/** A normalised identifier from a request, on its way to being resolved. */
record Candidate(String type, String value, boolean verified, String source) {

    String key() {
        return type + ":" + value;
    }

    ProfileIdentifier toIdentifier(Instant now) {
        return new ProfileIdentifier(type, value, verified, source, now, now);
    }
}
