package com.omnicanal.profile.consent;

import java.time.Instant;
import java.util.List;

/** Which channels may carry a message of a purpose right now, best first, and why the others may not. */
record Reachability(String profileId, String purpose, Instant evaluatedAt, String timezone, List<Allowed> allowed,
                    List<Blocked> blocked) {

    /** A usable channel with its address and why it is ranked where it is (preferred, learned, default). */
    record Allowed(String channel, String address, String rank) {
    }

    /** A channel that may not be used, every reason, and when it may be used again if that is only a matter of time. */
    record Blocked(String channel, List<String> reasons, Instant allowedFrom) {
    }
}
