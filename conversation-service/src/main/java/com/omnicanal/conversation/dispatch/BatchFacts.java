package com.omnicanal.conversation.dispatch;

import org.bson.Document;

import java.util.Map;
import java.util.Optional;

/**
 * What a batch's dispatches claim and read, once for the whole batch: their request ids (claimed now: true; before:
 * false), reachability by purpose and profile (empty: no such profile) and the pressure documents (empty: none yet).
 * What is absent is claimed or read alone.
 */
record BatchFacts(Map<String, Boolean> claims, Map<String, Map<String, Optional<ReachabilityClient.Reachability>>> reach,
                  Map<String, Optional<Document>> pressure) {

    static final BatchFacts NONE = new BatchFacts(Map.of(), Map.of(), Map.of());

    /** Asked for the batch: the answer (empty when there is no such profile); null when it was not asked. */
    Optional<ReachabilityClient.Reachability> reachOf(DispatchRequest request) {
        return reach.getOrDefault(request.purpose(), Map.of()).get(request.profileId());
    }
}
