package com.omnicanal.profile.consent;

import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The reachability question for many customers in one call: what a sender's batch asks instead of one call each. */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
class BulkReachabilityController {

    static final int MAX = 1000;

    private final BulkReachability reachability;

    BulkReachabilityController(BulkReachability reachability) {
        this.reachability = reachability;
    }

    /** {@code channels}: only these (a sender restricted to some channels); absent: all of them. */
    record BulkRequest(String purpose, List<String> profileIds, List<String> channels) {
    }

    /** One answer per distinct asked id, in their order; {@code reachability} is null when there is no active profile. */
    record Answer(String profileId, boolean found, Reachability reachability) {
    }

    record BulkAnswer(List<Answer> results) {
    }

    @PostMapping("/api/profiles/reachability")
    BulkAnswer reachability(@RequestBody BulkRequest request) {
        Purpose purpose = Purpose.parse(request.purpose()).orElseThrow(() ->
                new InvalidRequestException("purpose", "must be service, marketing or surveys"));
        if (request.profileIds() == null || request.profileIds().isEmpty() || request.profileIds().size() > MAX) {
            throw new InvalidRequestException("profileIds", "between 1 and " + MAX + " profile ids");
        }
        List<Answer> results = new ArrayList<>(request.profileIds().size());
        reachability.evaluate(request.profileIds(), purpose, Instant.now(), ReachabilityRules.channels(request.channels()))
                .forEach((id, answer) -> results.add(new Answer(id, answer.isPresent(), answer.orElse(null))));
        return new BulkAnswer(results);
    }
}
