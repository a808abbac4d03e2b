package com.omnicanal.profile.identity;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileIdentifier;
import com.omnicanal.profile.customer.ProfileStatus;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Merges two profiles of one person and undoes it. Each is a journaled sequence of single-document steps, each
 * step safe to repeat; {@link #recover()} finishes what a crash interrupted.
 */
@Service
class Merges {

    private static final Duration STALE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final ProfileStore profiles;
    private final IdentifierLinks links;

    Merges(MongoTemplate mongo, ProfileStore profiles, IdentifierLinks links) {
        this.mongo = mongo;
        this.profiles = profiles;
        this.links = links;
    }

    MergeRecord merge(String sourceId, String targetId, MergeRecord.Reason reason) {
        if (sourceId.equals(targetId)) {
            throw new InvalidRequestException("sourceProfileId", "cannot merge a profile into itself");
        }
        Profile source = active(sourceId);
        Profile target = active(targetId);
        MergeRecord merge = new MergeRecord(UUID.randomUUID().toString(), MergeRecord.State.MERGING, target.id(),
                source.id(), reason, target, source, source.identifiers().stream().map(ProfileIdentifier::key).toList(),
                Instant.now(), null, null);
        mongo.insert(merge);
        return completeMerge(merge);
    }

    /** Undoes the merge that absorbed {@code profileId} (or, for a survivor, the merge named by {@code mergeId}). */
    MergeRecord unmerge(String profileId, String mergeId, String actor) {
        MergeRecord merge = Optional.ofNullable(mergeId).map(id -> mongo.findById(id, MergeRecord.class))
                .or(() -> latestMergeOf(profileId))
                .filter(m -> m.sourceId().equals(profileId) || m.targetId().equals(profileId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "profile " + profileId + " was never merged" + (mergeId == null ? "" : " by " + mergeId)));
        MergeRecord started = mongo.findAndModify(query(where("_id").is(merge.id()).and("state").is(MergeRecord.State.MERGED)),
                new Update().set("state", MergeRecord.State.UNMERGING).set("undoneAt", Instant.now()).set("undoneBy", actor),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), MergeRecord.class);
        if (started == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "merge " + merge.id() + " is not in effect");
        }
        return completeUnmerge(started);
    }

    Optional<MergeRecord> find(String mergeId) {
        return Optional.ofNullable(mongo.findById(mergeId, MergeRecord.class));
    }

    private MergeRecord completeMerge(MergeRecord merge) {
        links.repoint(merge.movedKeys(), merge.sourceId(), merge.targetId());
        profiles.update(merge.targetId(), t -> t.appliedMerges().contains(merge.id()) ? Change.none()
                : MergeChanges.absorb(t, merge));
        profiles.update(merge.sourceId(), s -> s.status() == ProfileStatus.MERGED ? Change.none()
                : MergeChanges.retire(s, merge));
        return advance(merge, MergeRecord.State.MERGED);
    }

    private MergeRecord completeUnmerge(MergeRecord merge) {
        var own = merge.targetBefore().identifiers().stream().map(ProfileIdentifier::key).toList();
        links.repoint(merge.movedKeys().stream().filter(k -> !own.contains(k)).toList(), merge.targetId(),
                merge.sourceId());
        profiles.update(merge.targetId(), t -> t.appliedMerges().contains(merge.id())
                ? MergeChanges.detach(t, merge) : Change.none());
        profiles.update(merge.sourceId(), s -> s.status() == ProfileStatus.MERGED
                ? MergeChanges.revive(s, merge) : Change.none());
        return advance(merge, MergeRecord.State.UNMERGED);
    }

    /** Finishes merges and unmerges a crash left half-done. */
    @Scheduled(fixedDelayString = "${omni.identity.merge-recovery-interval:30s}")
    void recover() {
        Instant stale = Instant.now().minus(STALE);
        mongo.find(query(where("state").in(MergeRecord.State.MERGING, MergeRecord.State.UNMERGING)), MergeRecord.class)
                .forEach(m -> {
                    if (m.state() == MergeRecord.State.MERGING && m.at().isBefore(stale)) {
                        completeMerge(m);
                    } else if (m.state() == MergeRecord.State.UNMERGING && m.undoneAt().isBefore(stale)) {
                        completeUnmerge(m);
                    }
                });
    }

    private MergeRecord advance(MergeRecord merge, MergeRecord.State state) {
        mongo.updateFirst(query(where("_id").is(merge.id())), new Update().set("state", state), MergeRecord.class);
        return mongo.findById(merge.id(), MergeRecord.class);
    }

    private Optional<MergeRecord> latestMergeOf(String sourceId) {
        return mongo.find(query(where("sourceId").is(sourceId).and("state").is(MergeRecord.State.MERGED)),
                MergeRecord.class).stream().max(Comparator.comparing(MergeRecord::at));
    }

    private Profile active(String id) {
        Profile profile = profiles.find(id).orElseThrow(ProfileStore::notFound);
        if (!profile.isActive()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "profile " + id + " is " + profile.status().name().toLowerCase());
        }
        return profile;
    }
}
