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
import java.util.stream.Collectors;

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
        Map<String, List<DispatchRequest>> byPurpose = requests.stream()
                .filter(r -> r.purpose() != null && r.profileId() != null) // invalid ones fail on their own
                .collect(Collectors.groupingBy(DispatchRequest::purpose));
        Map<String, Map<String, Optional<ReachabilityClient.Reachability>>> known = new HashMap<>();
        byPurpose.forEach((purpose, asking) -> known.put(purpose, ask(purpose, asking.stream()
                .map(DispatchRequest::profileId).distinct().toList(), channels(asking))));
        return known;
    }

    /** The channels these requests name together; none (all channels) when one of them names none. */
    private static Set<String> channels(List<DispatchRequest> requests) {
        Set<String> named = new LinkedHashSet<>();
        for (DispatchRequest r : requests) {
            if (r.channels().isEmpty()) {
                return Set.of();
            }
            named.addAll(r.channels());
        }
        return named;
    }

    private Map<String, Optional<ReachabilityClient.Reachability>> ask(String purpose, List<String> ids,
                                                                       Set<String> channels) {
        Map<String, Optional<ReachabilityClient.Reachability>> known = new HashMap<>();
        try {
            for (int from = 0; from < ids.size(); from += MAX) {
                known.putAll(client.of(ids.subList(from, Math.min(ids.size(), from + MAX)), purpose, channels));
            }
        } catch (RuntimeException e) { // profile-service unreachable or older: each dispatch asks alone
            log.warn("bulk reachability for {} profiles failed ({}); asking one by one", ids.size(), e.toString());
        }
        return known;
    }
}
