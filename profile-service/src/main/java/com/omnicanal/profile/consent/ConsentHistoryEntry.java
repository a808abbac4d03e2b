package com.omnicanal.profile.consent;

import java.time.Instant;

/** One line of a profile's consent history, kept in the profile document so it changes with the state. */
record ConsentHistoryEntry(String channel, String purpose, String state, String previousState, Instant at,
                           String source, String evidence, String actor) {
}
