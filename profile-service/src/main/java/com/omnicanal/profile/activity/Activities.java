package com.omnicanal.profile.activity;

import com.omnicanal.profile.identity.IdentityResolver;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records activities: everything is checked before anything is written; each activity is stored once per client
 * id and published as {@code activity-recorded}; the profile's activity summary and lifecycle stage follow.
 */
@Service
class Activities {

    private final IdentityResolver identity;
    private final ActivityRules rules;
    private final ActivityBatch batch;

    Activities(IdentityResolver identity, ActivityRules rules, ActivityBatch batch) {
        this.identity = identity;
        this.rules = rules;
        this.batch = batch;
    }

    record Result(String id, String status, String profileId) {
    }

    record BatchResult(int recorded, int duplicates, List<Result> results) {
    }

    BatchResult record(List<ActivityInput> inputs, List<String> paths, Caller caller) {
        check(inputs, paths, caller);
        List<Result> results = batch.record(inputs, caller); // one activity is a batch of one
        int recorded = (int) results.stream().filter(r -> r.status().equals("recorded")).count();
        return new BatchResult(recorded, results.size() - recorded, results);
    }

    /** Who sends: the OAuth client (scopes the idempotency key), the actor for audit, staff or partner. */
    record Caller(String client, String actor, boolean staff) {
    }

    private void check(List<ActivityInput> inputs, List<String> paths, Caller caller) {
        List<InvalidField> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            ActivityInput input = inputs.get(i);
            problems.addAll(rules.check(input, paths.get(i), caller.staff()));
            if (!ids.add(input.id())) {
                problems.add(new InvalidField(paths.get(i) + ".id", "appears twice in this batch"));
            }
            if (input.customer().identifiers() != null && !input.customer().identifiers().isEmpty()) {
                problems.addAll(identity.problems(input.identifierInputs(), paths.get(i) + ".customer"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
