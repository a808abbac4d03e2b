package com.omnicanal.profile.identity;

import java.util.List;

/** Which profile the identifiers belong to, what happened on the way, and what was not used and why. */
record IdentifyResponse(String profileId, boolean created, List<String> merges, List<Ignored> ignored,
                        List<String> conflictingProfiles) {

    /** An identifier left out of resolution: blocked value, per-type limit, or held by another profile. */
    record Ignored(String type, String reason) {
    }
}
