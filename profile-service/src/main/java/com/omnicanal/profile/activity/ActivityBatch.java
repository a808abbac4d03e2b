package com.omnicanal.profile.activity;

import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.profile.customer.ActivitySummary;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStore.Change;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.identity.IdentityResolver;
import com.omnicanal.profile.timeline.ActivityTimeline;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A batch in a few bulk operations instead of a dozen round trips per activity: each customer resolved once, each
 * profile read once, all events staged in one insert, all activities in one unordered insert (a duplicate id is
 * reported, not fatal), their timeline entries in one bulk and one summary update per profile (which keeps segment
 * membership current in the same request).
 */
@Component
class ActivityBatch {


    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final ProfileStore profiles;
    private final IdentityResolver identity;
    private final ActivityDocuments documents;
    private final ActivityTimeline timeline;

    ActivityBatch(MongoTemplate mongo, EventOutbox outbox, ProfileStore profiles, IdentityResolver identity,
                  ActivityDocuments documents, ActivityTimeline timeline) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.profiles = profiles;
        this.identity = identity;
        this.documents = documents;
        this.timeline = timeline;
    }

    List<Activities.Result> record(List<ActivityInput> inputs, Activities.Caller caller) {
        List<Profile> owners = owners(inputs, caller);
        List<ActivityRecorded> events = events(inputs, owners, caller, Instant.now());
        Set<Integer> written = outbox.publishAll(Activity.COLLECTION, events.stream()
                .map(e -> new EventOutbox.Keyed(e.activityId(), e)).toList(), marks -> insert(inputs, events, caller, marks));
        timeline.append(onTimeline(events, written));
        updateSummaries(inputs, owners, written);
        return IntStream.range(0, inputs.size()).mapToObj(i -> new Activities.Result(inputs.get(i).id(),
                written.contains(i) ? "recorded" : "duplicate", owners.get(i).id())).toList();
    }

    /** Each input's event, its stage computed from the running summary of its profile within the batch. */
    private static List<ActivityRecorded> events(List<ActivityInput> inputs, List<Profile> owners,
                                                 Activities.Caller caller, Instant now) {
        Map<String, ActivitySummary> running = new HashMap<>();
        owners.forEach(p -> running.putIfAbsent(p.id(), p.activity()));
        List<ActivityRecorded> events = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ActivityInput input = inputs.get(i);
            String profileId = owners.get(i).id();
            ActivitySummary after = running.get(profileId).record(input.type(), input.amount(), input.occurredAt());
            running.put(profileId, after);
            events.add(new ActivityRecorded(profileId, id(caller, input), input.type(), input.occurredAt(),
                    input.channel(), input.storeId(), input.orderId(), input.amount(), input.currency(),
                    input.attributes(), after.stageAt(now), now));
        }
        return events;
    }

    /**
     * The timeline entries: those just written, and those of resent activities as first stored (the request that
     * stored them may have failed before its timeline write; appending again is a no-op otherwise).
     */
    private List<ActivityRecorded> onTimeline(List<ActivityRecorded> events, Set<Integer> written) {
        List<ActivityRecorded> entries = new ArrayList<>(written.size());
        List<String> resent = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (written.contains(i)) {
                entries.add(events.get(i));
            } else {
                resent.add(events.get(i).activityId());
            }
        }
        ByIds.find(mongo, resent, Activity.class).forEach(stored -> entries.add(stored.recorded()));
        return entries;
    }

    /**
     * The active profile of each input: known customers in one read of their identifiers and one of their profiles;
     * new ones, merged profiles and anything unusual the one-by-one way.
     */
    private List<Profile> owners(List<ActivityInput> inputs, Activities.Caller caller) {
        List<Integer> byIdentifiers = IntStream.range(0, inputs.size())
                .filter(i -> inputs.get(i).customer().profileId() == null).boxed().toList();
        Map<Integer, String> known = new HashMap<>();
        identity.resolveKnown(byIdentifiers.stream().map(i -> inputs.get(i).identifierInputs()).toList(), caller.client())
                .forEach((k, profileId) -> known.put(byIdentifiers.get(k), profileId));
        List<String> ids = IntStream.range(0, inputs.size()).mapToObj(i -> inputs.get(i).customer().profileId() != null
                ? inputs.get(i).customer().profileId() : known.get(i)).toList();
        Map<String, Profile> loaded = profiles.findAll(ids.stream().filter(java.util.Objects::nonNull).distinct().toList());
        Map<String, Profile> byKey = new HashMap<>();
        List<Profile> owners = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ActivityInput input = inputs.get(i);
            Profile profile = ids.get(i) == null ? null : loaded.get(ids.get(i));
            if (profile != null && profile.isActive()) {
                owners.add(profile);
                continue;
            }
            String source = input.channel() == null ? caller.client() : input.channel();
            String key = input.customer().profileId() != null ? "id:" + input.customer().profileId()
                    : source + "|" + input.customer().identifiers();
            owners.add(byKey.computeIfAbsent(key, k -> profiles.requireActive(input.customer().profileId() != null
                    ? input.customer().profileId()
                    : identity.resolveProfileId(input.identifierInputs(), source, caller.actor()))));
        }
        return owners;
    }

    /** One unordered insert of plain documents; a known id was recorded before (a duplicate, not an error). */
    private Set<Integer> insert(List<ActivityInput> inputs, List<ActivityRecorded> events, Activities.Caller caller,
                                List<String> marks) {
        List<Document> docs = IntStream.range(0, inputs.size())
                .mapToObj(i -> documents.of(events.get(i), inputs.get(i), caller.client(), marks.get(i))).toList();
        return BulkInserts.insertNew(mongo, Activity.COLLECTION, docs);
    }

    /**
     * One bulk of guarded updates, each profile (as read at the start of the batch) applying its newly recorded
     * activities in their batch order.
     */
    private void updateSummaries(List<ActivityInput> inputs, List<Profile> owners, Set<Integer> written) {
        Map<String, List<ActivityInput>> byProfile = new LinkedHashMap<>();
        Map<String, Profile> read = new LinkedHashMap<>();
        written.stream().sorted().forEach(i -> {
            byProfile.computeIfAbsent(owners.get(i).id(), k -> new ArrayList<>()).add(inputs.get(i));
            read.putIfAbsent(owners.get(i).id(), owners.get(i));
        });
        Map<String, java.util.function.Function<Profile, Change>> changes = new LinkedHashMap<>();
        byProfile.forEach((profileId, recorded) -> changes.put(profileId, p -> {
            ActivitySummary summary = p.activity();
            for (ActivityInput input : recorded) {
                summary = summary.record(input.type(), input.amount(), input.occurredAt());
            }
            ActivitySummary after = summary;
            return new Change(new Update().set("activity", after.document()), List.of(), q -> q.withActivity(after));
        }));
        profiles.updateAll(read, changes);
    }

    private static String id(Activities.Caller caller, ActivityInput input) {
        return caller.client() + ":" + input.id();
    }
}
