package com.omnicanal.profile.customer;

import java.time.Instant;

/** The current consent for one channel × purpose; the full history is kept by the consent feature. */
public record ConsentEntry(String state, Instant at, String source, String evidence, String actor) {

    public static final String GRANTED = "granted";

    public boolean granted() {
        return GRANTED.equals(state);
    }

    /** Of two consents for the same channel and purpose, the one that allows less; the newer on a tie. */
    public static ConsentEntry mostRestrictive(ConsentEntry a, ConsentEntry b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.granted() != b.granted()) {
            return a.granted() ? b : a;
        }
        return a.at().isAfter(b.at()) ? a : b;
    }
}
