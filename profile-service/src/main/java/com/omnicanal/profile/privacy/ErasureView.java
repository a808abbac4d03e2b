package com.omnicanal.profile.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An erasure request as the API shows it: who must confirm, who has, and whether it is complete. */
record ErasureView(String requestId, String profileId, String state, Instant requestedAt, String requestedBy,
                   List<String> expected, Map<String, Instant> confirmations, Instant completedAt) {

    static ErasureView of(ErasureRequest r) {
        return new ErasureView(r.id(), r.profileId(), r.state(), r.requestedAt(), r.requestedBy(), r.expected(),
                r.confirmations(), r.completedAt());
    }
}
