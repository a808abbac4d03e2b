package com.omnicanal.profile.identity;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.profile.customer.NewProfiles;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileCard;
import com.omnicanal.profile.customer.ProfileStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An identify batch resolved in bulk wherever that is what resolving its requests one by one, in order, would do:
 * known customers from one read of every link, new ones claimed, created and announced in a few bulk writes. A request
 * the bulk view cannot settle (merges, new identifiers of known profiles, traits to fill, one that depends on a new
 * customer earlier in the batch) goes the one-by-one way, after the new customers before it are written, and the view
 * is read again for the requests after it.
 */
@Component
class BulkIdentify {

    private final Guardrails guardrails;
    private final IdentifierLinks links;
    private final ProfileStore profiles;
    private final NewProfiles newProfiles;
    private final IdentityResolver resolver;

    BulkIdentify(Guardrails guardrails, IdentifierLinks links, ProfileStore profiles, NewProfiles newProfiles,
                  IdentityResolver resolver) {
        this.guardrails = guardrails;
        this.links = links;
        this.profiles = profiles;
        this.newProfiles = newProfiles;
        this.resolver = resolver;
    }

    /** A new customer of the batch, not yet written. */
    private record Creation(BatchItem item, Profile profile, List<IdentifierLink> claims, IdentifyResponse response) {
    }

    List<IdentifyResponse> identifyAll(List<IdentifyRequest> requests, String actor) {
        List<BatchItem> items = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            items.add(BatchItem.of(i, requests.get(i), guardrails));
        }
        IdentifyResponse[] results = new IdentifyResponse[items.size()];
        List<Creation> pending = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        BatchView view = BatchView.load(items, 0, links, profiles);
        for (BatchItem item : items) {
            switch (view.outcome(item, claimed)) {
                case BatchView.Known known -> results[item.index()] = known(item, known, view);
                case BatchView.Fresh fresh -> {
                    pending.add(creation(item));
                    item.usable().forEach(c -> claimed.add(c.key()));
                }
                case BatchView.OneByOne one -> {
                    create(pending, results, actor);
                    claimed.clear();
                    results[item.index()] = resolver.identify(item.request(), actor);
                    view = BatchView.load(items, item.index() + 1, links, profiles); // that request may change anything
                }
            }
        }
        create(pending, results, actor);
        return Arrays.asList(results);
    }

    /** As a single identify answers a known customer: last seen noted, a newly verified identifier written. */
    private IdentifyResponse known(BatchItem item, BatchView.Known known, BatchView view) {
        Instant now = Instant.now();
        for (int i = 0; i < item.usable().size(); i++) {
            Candidate candidate = item.usable().get(i);
            IdentifierLink link = known.links().get(i);
            links.touch(link, candidate.verified(), now);
            if (candidate.verified() && !link.verified()) {
                view.verified(link, now);
            }
        }
        return new IdentifyResponse(known.profileId(), false, List.of(), new ArrayList<>(item.screened().ignored()),
                List.of());
    }

    /** The profile, links and event a single identify would create for a new customer. */
    private Creation creation(BatchItem item) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<IdentifyResponse.Ignored> ignored = new ArrayList<>(item.screened().ignored());
        List<Candidate> accepted = resolver.withinLimits(List.of(), item.usable(), ignored);
        Profile profile = Profile.newProfile(id, item.traits().name(), item.traits().language(), item.traits().timezone(),
                accepted.stream().map(c -> c.toIdentifier(now)).toList(), now);
        List<IdentifierLink> claims = accepted.stream()
                .map(c -> new IdentifierLink(c.key(), id, c.verified(), c.source(), now, now)).toList();
        return new Creation(item, profile, claims, new IdentifyResponse(id, true, List.of(), ignored, List.of()));
    }

    /**
     * Claims every pending customer's identifiers in one insert and creates the profiles whose claims all held; one
     * that lost a claim to a concurrent request gives back the rest and is resolved again the one-by-one way.
     */
    private void create(List<Creation> pending, IdentifyResponse[] results, String actor) {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> taken = links.claimAll(pending.stream().flatMap(c -> c.claims().stream()).toList());
        List<Creation> won = new ArrayList<>();
        List<Creation> lost = new ArrayList<>();
        pending.forEach(c -> (c.claims().stream().anyMatch(l -> taken.contains(l.id())) ? lost : won).add(c));
        lost.forEach(c -> links.release(c.claims().stream().map(IdentifierLink::id).toList(), c.profile().id()));
        newProfiles.createAll(won.stream().map(Creation::profile).toList(), won.stream().map(c -> {
            ProfileCard card = ProfileCard.of(c.profile());
            return new ProfileCreated(c.profile().id(), card.name(), card.email(), card.phone(), 1,
                    c.profile().createdAt());
        }).toList());
        won.forEach(c -> results[c.item().index()] = c.response());
        lost.forEach(c -> results[c.item().index()] = resolver.identify(c.item().request(), actor));
        pending.clear();
    }
}
