package com.omnicanal.profile.identity;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStatus;
import com.omnicanal.profile.customer.ProfileStore;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a batch of identify requests finds in the store, read in bulk: the links of every identifier, the liveness of
 * their profiles and, for requests with traits, the profile they would fill. It tells which requests it can resolve on
 * its own; anything else (a merge, a new identifier for a known profile, a trait to fill, a merged or missing profile)
 * is left to the one-by-one path.
 */
final class BatchView {

    /** How a request resolves: a known profile, a new one, or only the one-by-one way. */
    sealed interface Outcome {
    }

    record Known(String profileId, List<IdentifierLink> links) implements Outcome {
    }

    record Fresh() implements Outcome {
    }

    record OneByOne() implements Outcome {
    }

    private final Map<String, IdentifierLink> links;
    private final Map<String, ProfileStore.Liveness> liveness;
    private final Map<String, Profile> filled;

    private BatchView(Map<String, IdentifierLink> links, Map<String, ProfileStore.Liveness> liveness,
                      Map<String, Profile> filled) {
        this.links = links;
        this.liveness = liveness;
        this.filled = filled;
    }

    /** The view of requests {@code from} on: one read of their links, one of their profiles' status, one for traits. */
    static BatchView load(List<BatchItem> items, int from, IdentifierLinks identifiers, ProfileStore profiles) {
        List<BatchItem> rest = items.subList(from, items.size());
        Map<String, IdentifierLink> links = identifiers.findAll(rest.stream()
                .flatMap(i -> i.usable().stream()).map(Candidate::key).distinct().toList());
        Map<String, ProfileStore.Liveness> liveness = profiles.livenessAll(links.values().stream()
                .map(IdentifierLink::profileId).distinct().toList());
        BatchView view = new BatchView(links, liveness, Map.of());
        Set<String> toFill = new HashSet<>();
        rest.stream().filter(BatchItem::traitsGiven).forEach(i -> {
            if (view.outcome(i, Set.of()) instanceof Known known) {
                toFill.add(known.profileId());
            }
        });
        return toFill.isEmpty() ? view : new BatchView(links, liveness, profiles.findAll(toFill));
    }

    /** How {@code item} resolves, given the keys earlier requests of the batch are about to claim. */
    Outcome outcome(BatchItem item, Set<String> claimedEarlier) {
        List<IdentifierLink> found = item.usable().stream().map(c -> links.get(c.key())).toList();
        if (item.usable().isEmpty()) {
            return new OneByOne(); // refused there as a single identify refuses it
        }
        if (found.stream().allMatch(Objects::isNull)) {
            boolean dependent = item.usable().stream().anyMatch(c -> claimedEarlier.contains(c.key()));
            return dependent ? new OneByOne() : new Fresh();
        }
        if (found.stream().anyMatch(Objects::isNull) || found.stream().map(IdentifierLink::profileId).distinct().count() > 1) {
            return new OneByOne(); // a new identifier to attach, or a merge to judge
        }
        String owner = found.getFirst().profileId();
        ProfileStore.Liveness status = liveness.get(owner);
        if (status == null || status.status() != ProfileStatus.ACTIVE || !fillsNothing(item, owner)) {
            return new OneByOne();
        }
        return new Known(owner, found);
    }

    /** A link just marked verified, as the next request of the batch must see it. */
    void verified(IdentifierLink link, java.time.Instant now) {
        links.put(link.id(), new IdentifierLink(link.id(), link.profileId(), true, link.source(), link.firstSeen(), now));
    }

    /** Whether the traits fill no gap of the profile (so a single identify would write nothing). */
    private boolean fillsNothing(BatchItem item, String owner) {
        if (!item.traitsGiven()) {
            return true;
        }
        Profile profile = filled.get(owner);
        IdentifyRequest.Traits t = item.traits();
        return profile != null && profile.with(List.of(), t.name(), t.language(), t.timezone()).equals(profile);
    }
}
