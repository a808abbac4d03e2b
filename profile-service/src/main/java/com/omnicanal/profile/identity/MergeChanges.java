package com.omnicanal.profile.identity;

import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;
import com.omnicanal.profile.customer.ActivitySummary;
import com.omnicanal.profile.customer.ConsentEntry;
import com.omnicanal.profile.customer.ContactPreferences;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileCard;
import com.omnicanal.profile.customer.ProfileIdentifier;
import com.omnicanal.profile.customer.ProfileStatus;
import com.omnicanal.profile.customer.ProfileStore.Change;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The document changes of a merge and of its undoing, computed from the journal's before-images. */
final class MergeChanges {

    private MergeChanges() {
    }

    /** The survivor absorbs the merged profile: identifiers, most restrictive consents, preferences, activity. */
    static Change absorb(Profile target, MergeRecord merge) {
        Profile source = merge.sourceBefore();
        Profile combined = target.with(source.identifiers(), source.name(), source.language(), source.timezone());
        Map<String, ConsentEntry> consents = new HashMap<>(target.consents());
        source.consents().forEach((key, entry) -> consents.merge(key, entry, ConsentEntry::mostRestrictive));
        long version = target.version() + 1;
        Instant now = Instant.now();
        Update update = cardAndIdentifiers(combined).set("consents", consents)
                .set("preferences", ContactPreferences.combine(target.preferences(), source.preferences()))
                .set("activity", ActivitySummary.combine(target.activity(), source.activity()))
                .push("appliedMerges", merge.id());
        return new Change(update, List.of(
                new ProfileMerged(target.id(), source.id(), merge.id(), merge.reason().toString(), version, now),
                ProfileCard.of(combined).updated(target.id(), version, now)));
    }

    /** The survivor gives back what came from the merged profile; changes made after the merge stay. */
    static Change detach(Profile target, MergeRecord merge) {
        Set<String> own = keys(merge.targetBefore().identifiers());
        List<String> returned = merge.movedKeys().stream().filter(k -> !own.contains(k)).toList();
        List<ProfileIdentifier> kept = target.identifiers().stream().filter(i -> !returned.contains(i.key())).toList();
        Profile before = merge.targetBefore();
        Profile restored = new Profile(target.id(), target.status(), null, before.name(), before.language(),
                before.timezone(), kept, consentsAfterUndo(target, merge), before.preferences(), target.activity(),
                target.appliedMerges(), target.version(), target.createdAt(), target.updatedAt(), target.outbox());
        long version = target.version() + 1;
        Instant now = Instant.now();
        Update update = cardAndIdentifiers(restored).set("name", before.name()).set("consents", restored.consents())
                .set("preferences", before.preferences()).pull("appliedMerges", merge.id());
        return new Change(update, List.of(
                new ProfileUnmerged(target.id(), merge.sourceId(), merge.id(), returned, version, now),
                ProfileCard.of(restored).updated(target.id(), version, now)));
    }

    /** The merged profile becomes a pointer to its survivor. */
    static Change retire(Profile source, MergeRecord merge) {
        return new Change(new Update().set("status", ProfileStatus.MERGED).set("mergedInto", merge.targetId()),
                List.<IntegrationEvent>of());
    }

    /** The merged profile comes back as it was before the merge. */
    static Change revive(Profile source, MergeRecord merge) {
        Profile before = merge.sourceBefore();
        Update update = cardAndIdentifiers(before).set("status", ProfileStatus.ACTIVE).unset("mergedInto")
                .set("consents", before.consents()).set("preferences", before.preferences())
                .set("activity", before.activity());
        return new Change(update, List.of(ProfileCard.of(before).updated(source.id(), source.version() + 1,
                Instant.now())));
    }

    private static Update cardAndIdentifiers(Profile profile) {
        Update update = new Update().set("identifiers", profile.identifiers());
        setOrUnset(update, "name", profile.name());
        setOrUnset(update, "language", profile.language());
        setOrUnset(update, "timezone", profile.timezone());
        return update;
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static Map<String, ConsentEntry> consentsAfterUndo(Profile target, MergeRecord merge) {
        Map<String, ConsentEntry> result = new HashMap<>();
        target.consents().forEach((key, entry) -> {
            ConsentEntry before = merge.targetBefore().consents().get(key);
            if (entry.at().isAfter(merge.at())) {
                result.put(key, entry); // decided after the merge: the survivor's own decision
            } else if (before != null) {
                result.put(key, before);
            }
        });
        return result;
    }

    private static Set<String> keys(List<ProfileIdentifier> identifiers) {
        Set<String> keys = new HashSet<>();
        identifiers.forEach(i -> keys.add(i.key()));
        return keys;
    }
}
