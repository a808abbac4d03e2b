package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Enrols many customers at once and runs their first steps: broadcasts (a chunk at a time) and the triggers of a batch
 * of events; a member enrolled by the same trigger before (a resumed broadcast) counts as enrolled, not enrolled twice.
 */
@Component
public class Enroller {

    private final BulkEnrollments bulk;
    private final CustomerFacts facts;
    private final Engine engine;

    Enroller(BulkEnrollments bulk, CustomerFacts facts, Engine engine) {
        this.bulk = bulk;
        this.facts = facts;
        this.engine = engine;
    }

    /**
     * A chunk at once (bulk writes, their facts read together), then each new enrolment's first steps, concurrently
     * (their sends go to dispatch in batches); how many are enrolled by this trigger, now or before (in a once-only
     * journey: enrolled at all, by whichever trigger).
     */
    public int enrolAll(Journey journey, JourneyDefinition d, List<String> profileIds, String triggerId, String source) {
        return enrolAll(journey, d, profileIds.stream()
                .map(p -> new BulkEnrollments.Candidate(p, triggerId, Map.of(), source)).toList());
    }

    /** {@link #enrolAll(Journey, JourneyDefinition, List, String, String)} for candidates of distinct customers. */
    int enrolAll(Journey journey, JourneyDefinition d, List<BulkEnrollments.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        BulkEnrollments.Outcome outcome = bulk.enroll(journey, d, candidates, Instant.now());
        if (outcome.created().isEmpty()) {
            return outcome.earlier();
        }
        CustomerFacts.Facts known = facts.of(outcome.created().stream().map(Enrollment::profileId).toList());
        Concurrently.runAll(outcome.created().stream().<Runnable>map(e -> () -> engine.run(e, known)).toList(),
                "an enrolment's first steps");
        return outcome.created().size() + outcome.earlier();
    }
}
