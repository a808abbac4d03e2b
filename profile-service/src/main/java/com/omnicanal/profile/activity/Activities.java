package com.omnicanal.profile.activity;

import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.profile.customer.ActivitySummary;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import com.omnicanal.profile.identity.IdentifyRequest;
import com.omnicanal.profile.identity.IdentityResolver;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
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

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final ProfileStore profiles;
    private final IdentityResolver identity;
    private final ActivityRules rules;
    private final ActivityBatch batch;

    Activities(MongoTemplate mongo, EventOutbox outbox, ProfileStore profiles, IdentityResolver identity,
               ActivityRules rules, ActivityBatch batch) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.profiles = profiles;
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
        List<Result> results = new ArrayList<>();
        if (inputs.size() > 1) {
            results.addAll(batch.record(inputs, caller));
        } else {
            inputs.forEach(input -> results.add(recordOne(input, caller)));
        }
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
                problems.addAll(identity.problems(identifiers(input), paths.get(i) + ".customer"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private Result recordOne(ActivityInput input, Caller caller) {
        String profileId = input.customer().profileId() != null
                ? profiles.requireActive(input.customer().profileId()).id()
                : identity.resolveProfileId(identifiers(input), input.channel() == null ? caller.client() : input.channel(),
                caller.actor());
        String id = caller.client() + ":" + input.id();
        ActivitySummary after = profiles.requireActive(profileId).activity().record(input.type(), input.amount(),
                input.occurredAt());
        Instant now = Instant.now();
        ActivityRecorded event = new ActivityRecorded(profileId, id, input.type(), input.occurredAt(), input.channel(),
                input.storeId(), input.orderId(), input.amount(), input.currency(), input.attributes(),
                after.stageAt(now), now);
        try {
            outbox.publish(Activity.COLLECTION, id, event, pending -> mongo.insert(new Activity(id, input.id(),
                    caller.client(), profileId, input.type(), input.occurredAt(), input.channel(), input.storeId(),
                    input.orderId(), input.items(), input.amount(), input.currency(), input.attributes(), now,
                    pending.ids())));
        } catch (DuplicateKeyException alreadyRecorded) {
            return new Result(input.id(), "duplicate", profileId);
        }
        profiles.update(profileId, p -> new Change(new Update().set("activity",
                p.activity().record(input.type(), input.amount(), input.occurredAt())), List.of()));
        return new Result(input.id(), "recorded", profileId);
    }

    private static List<IdentifyRequest.IdentifierInput> identifiers(ActivityInput input) {
        return input.customer().identifiers().stream()
                .map(i -> new IdentifyRequest.IdentifierInput(i.type(), i.value(), i.verified(), false)).toList();
    }
}
