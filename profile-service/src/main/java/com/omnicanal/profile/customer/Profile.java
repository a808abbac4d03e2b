package com.omnicanal.profile.customer;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A customer profile: identifiers, consents, preferences, activity summary. {@code version} increases with every
 * change (optimistic concurrency); {@code outbox} carries the marks of events the broker has not yet confirmed.
 */
@Document(Profile.COLLECTION)
public record Profile(@Id String id, ProfileStatus status, String mergedInto, String name, String language,
                      String timezone, List<ProfileIdentifier> identifiers, Map<String, ConsentEntry> consents,
                      ContactPreferences preferences, ActivitySummary activity, List<String> appliedMerges,
                      long version, Instant createdAt, Instant updatedAt,
                      @Field(PendingEvents.FIELD) Set<String> outbox) {

    public static final String COLLECTION = "profiles";

    public Profile {
        identifiers = identifiers == null ? List.of() : identifiers;
        consents = consents == null ? Map.of() : consents;
        preferences = preferences == null ? ContactPreferences.NONE : preferences;
        activity = activity == null ? ActivitySummary.NONE : activity;
        appliedMerges = appliedMerges == null ? List.of() : appliedMerges;
    }

    public static Profile newProfile(String id, String name, String language, String timezone,
                                     List<ProfileIdentifier> identifiers, Instant now) {
        return new Profile(id, ProfileStatus.ACTIVE, null, name, language, timezone, identifiers, Map.of(),
                ContactPreferences.NONE, ActivitySummary.NONE, List.of(), 1, now, now, Set.of());
    }

    public boolean isActive() {
        return status == ProfileStatus.ACTIVE;
    }

    /** The first usable identifier of a type, verified ones first: the address shown and used by default. */
    public Optional<String> main(String type) {
        return identifiers.stream().filter(i -> i.type().equals(type) && i.usable())
                .sorted((a, b) -> Boolean.compare(b.verified(), a.verified())).map(ProfileIdentifier::value).findFirst();
    }

    public List<ProfileIdentifier> identifiersOf(String type) {
        return identifiers.stream().filter(i -> i.type().equals(type)).toList();
    }

    /** This profile with identifiers added and missing traits filled, as it would be after such a change. */
    public Profile with(List<ProfileIdentifier> added, String newName, String newLanguage, String newTimezone) {
        List<ProfileIdentifier> all = new java.util.ArrayList<>(identifiers);
        added.stream().filter(a -> all.stream().noneMatch(i -> i.key().equals(a.key()))).forEach(all::add);
        return new Profile(id, status, mergedInto, name == null ? newName : name,
                language == null ? newLanguage : language, timezone == null ? newTimezone : timezone, all, consents,
                preferences, activity, appliedMerges, version, createdAt, updatedAt, outbox);
    }

    public Profile withPreferences(ContactPreferences changed) {
        return new Profile(id, status, mergedInto, name, language, timezone, identifiers, consents, changed,
                activity, appliedMerges, version, createdAt, updatedAt, outbox);
    }

    public Profile withActivity(ActivitySummary summary) {
        return new Profile(id, status, mergedInto, name, language, timezone, identifiers, consents, preferences,
                summary, appliedMerges, version, createdAt, updatedAt, outbox);
    }

    /** As it is after one more guarded write at {@code at}. */
    public Profile written(Instant at) {
        return new Profile(id, status, mergedInto, name, language, timezone, identifiers, consents, preferences,
                activity, appliedMerges, version + 1, createdAt, at, outbox);
    }

    public Profile withOutbox(Set<String> marks) {
        return new Profile(id, status, mergedInto, name, language, timezone, identifiers, consents, preferences,
                activity, appliedMerges, version, createdAt, updatedAt, marks);
    }
}
