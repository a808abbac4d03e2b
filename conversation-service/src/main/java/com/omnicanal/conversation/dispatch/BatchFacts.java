package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.inbox.Conversation;
import org.bson.Document;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a batch's dispatches claim and read, once for the whole batch: their request ids (claimed now: true; before:
 * false) and when, reachability by purpose and profile (empty: no such profile), the pressure documents (empty: none
 * yet), which customers have an open complaint, and the current conversation (empty: none) of each customer who has
 * only one message in the batch. What is absent is claimed or read alone.
 */
record BatchFacts(Map<String, Boolean> claims, Instant claimedAt,
                  Map<String, Map<String, Optional<ReachabilityClient.Reachability>>> reach,
                  Map<String, Optional<Document>> pressure, Map<String, Boolean> openComplaints,
                  Map<String, Optional<Conversation>> current) {

    static final BatchFacts NONE = new BatchFacts(Map.of(), null, Map.of(), Map.of(), Map.of(), Map.of());

    /** Asked for the batch: the answer (empty when there is no such profile); null when it was not asked. */
    Optional<ReachabilityClient.Reachability> reachOf(DispatchRequest request) {
        return reach.getOrDefault(request.purpose(), Map.of()).get(request.profileId());
    }
}
