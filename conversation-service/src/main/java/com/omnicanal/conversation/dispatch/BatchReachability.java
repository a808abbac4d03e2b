package com.omnicanal.conversation.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A batch's reachability in one call per purpose (profile-service's bulk question, the same rule as the single one);
 * when that call fails the batch's dispatches ask one by one, as before, so a failure never decides anything.
 */
@Component
class BatchReachability {

    private static final Logger log = LoggerFactory.getLogger(BatchReachability.class);
    private static final int MAX = 1000; // profile-service's bulk limit

    private final ReachabilityClient client;

    BatchReachability(ReachabilityClient client) {
        this.client = client;
    }

    /** Purpose → profile id → reachability (empty: no such profile); what could not be asked is simply absent. */
    Map<String, Map<String, Optional<ReachabilityClient.Reachability>>> ask(List<DispatchRequest> requests) {
        Map<String, Set<String>> byPurpose = new HashMap<>();
        requests.stream().filter(r -> r.purpose() != null && r.profileId() != null) // invalid ones fail on their own
                .forEach(r -> byPurpose.computeIfAbsent(r.purpose(), p -> new LinkedHashSet<>()).add(r.profileId()));
        Map<String, Map<String, Optional<ReachabilityClient.Reachability>>> known = new HashMap<>();
        byPurpose.forEach((purpose, ids) -> known.put(purpose, ask(purpose, List.copyOf(ids))));
        return known;
    }

    private Map<String, Optional<ReachabilityClient.Reachability>> ask(String purpose, List<String> ids) {
        Map<String, Optional<ReachabilityClient.Reachability>> known = new HashMap<>();
        try {
            for (int from = 0; from < ids.size(); from += MAX) {
                known.putAll(client.of(ids.subList(from, Math.min(ids.size(), from + MAX)), purpose));
            }
        } catch (RuntimeException e) { // profile-service unreachable or older: each dispatch asks alone
            log.warn("bulk reachability for {} profiles failed ({}); asking one by one", ids.size(), e.toString());
        }
        return known;
    }
}
