package com.omnicanal.profile.consent;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStore;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reachability of many customers at once (a broadcast's batch): the profiles are read with one {@code $in}, and each
 * is judged by the same {@link ReachabilityRules} as the single question, so every sender keeps one rule.
 */
@Component
class BulkReachability {

    private final ProfileStore profiles;
    private final ReachabilityRules rules;

    BulkReachability(ProfileStore profiles, ReachabilityRules rules) {
        this.profiles = profiles;
        this.rules = rules;
    }

    /** Each asked id → its answer (for the surviving profile of a merge), or empty when there is no active profile. */
    Map<String, Optional<Reachability>> evaluate(Collection<String> profileIds, Purpose purpose, Instant now,
                                                 Set<Channel> only) {
        Map<String, Profile> read = profiles.findAll(profileIds);
        Map<String, Optional<Reachability>> answers = new LinkedHashMap<>();
        for (String id : profileIds) {
            Profile profile = read.get(id);
            answers.put(id, (profile != null && profile.isActive() ? Optional.of(profile) : active(id))
                    .map(p -> rules.evaluate(p, purpose, now, only)));
        }
        return answers;
    }

    /** Merged, or not read in bulk: the single path, which follows merges (rare). */
    private Optional<Profile> active(String id) {
        try {
            return Optional.of(profiles.requireActive(id));
        } catch (ResponseStatusException notFound) {
            return Optional.empty();
        }
    }
}
