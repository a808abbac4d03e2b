package com.omnicanal.conversation.dispatch;

import org.bson.Document;

import java.util.Map;
import java.util.Optional;

/**
 * What a batch's dispatches read about their customers, read once for the whole batch: reachability by purpose and
 * profile (empty: no such profile) and the pressure documents (empty: none yet). What is absent is read alone.
 */
record BatchFacts(Map<String, Map<String, Optional<ReachabilityClient.Reachability>>> reach,
                  Map<String, Optional<Document>> pressure) {

    static final BatchFacts NONE = new BatchFacts(Map.of(), Map.of());

    /** Asked for the batch: the answer (empty when there is no such profile); null when it was not asked. */
    Optional<ReachabilityClient.Reachability> reachOf(DispatchRequest request) {
        return reach.getOrDefault(request.purpose(), Map.of()).get(request.profileId());
    }
}
