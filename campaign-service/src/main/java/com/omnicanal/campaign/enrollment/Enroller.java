package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Enrols many customers at once and runs their first steps: broadcasts (a chunk at a time) and the triggers of a batch
 * of events; each new enrolment is stored where its first run waits or ends; a member enrolled by the same trigger
 * before (a resumed broadcast) counts as enrolled, not enrolled twice.
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
     * A chunk at once (the re-entry keys and facts read together), each new enrolment's first steps concurrently (their
     * sends go to dispatch in batches, their inserts in bulks); how many are enrolled by this trigger, now or before (in
     * a once-only journey: enrolled at all, by whichever trigger).
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
        Instant now = Instant.now();
        List<Enrollment> admitted = bulk.admit(journey, d, candidates, now);
        List<Enrollment> created = new CopyOnWriteArrayList<>();
        if (!admitted.isEmpty()) {
            CustomerFacts.Facts known = facts.of(admitted.stream().map(Enrollment::profileId).toList());
            Concurrently.runAll(admitted.stream().<Runnable>map(e -> () -> {
                if (engine.runNew(e, known)) {
                    created.add(e);
                }
            }).toList(), "an enrolment's first steps");
        }
        return created.size() + bulk.created(journey, d, candidates, List.copyOf(created), now);
    }
}
