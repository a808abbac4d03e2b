package com.omnicanal.profile.identity;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileCard;
import com.omnicanal.profile.customer.ProfileIdentifier;
import com.omnicanal.profile.customer.ProfileStatus;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Identity resolution: the identifiers a channel saw → the one profile they belong to. Creates it, attaches new
 * identifiers, and merges profiles only when verified identifiers prove they are one person (guardrails apply).
 */
@Service
public class IdentityResolver {

    private static final int ATTEMPTS = 5;
    private static final java.time.Duration IN_FLIGHT = java.time.Duration.ofSeconds(30);

    /** A link whose profile is still being created by a concurrent request. */
    private static final class InFlight extends RuntimeException {
        InFlight() {
            super(null, null, false, false);
        }
    }

    private final Guardrails guardrails;
    private final IdentifierLinks links;
    private final ProfileStore profiles;
    private final Merges merges;
    private final IdentityProperties properties;
    private final IdentifierNormalizer normalizer;

    IdentityResolver(Guardrails guardrails, IdentifierLinks links, ProfileStore profiles, Merges merges,
                     IdentityProperties properties, IdentifierNormalizer normalizer) {
        this.normalizer = normalizer;
        this.guardrails = guardrails;
        this.links = links;
        this.profiles = profiles;
        this.merges = merges;
        this.properties = properties;
    }

    IdentifyResponse identify(IdentifyRequest request, String actor) {
        String source = request.source() == null ? "api" : request.source();
        Guardrails.Screened screened = guardrails.screen(request.identifiers(), source);
        if (screened.usable().isEmpty()) {
            throw new InvalidRequestException("identifiers", "no usable identifier: every one is a blocked value");
        }
        IdentifyRequest.Traits traits = request.traits() == null
                ? new IdentifyRequest.Traits(null, null, null) : request.traits();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                Optional<IdentifyResponse> resolved = resolve(screened, traits, actor);
                if (resolved.isPresent()) {
                    return resolved.get();
                }
            } catch (InFlight concurrentCreation) {
                pause();
            }
        }
        throw new ResponseStatusException(HttpStatus.CONFLICT, "these identifiers are being changed concurrently; retry");
    }

    /** The active profile holding {@code type:value} (the value normalised as resolution would). */
    Optional<String> lookup(String identifier) {
        int from = identifier.startsWith(IdentifierType.EXTERNAL_PREFIX) ? IdentifierType.EXTERNAL_PREFIX.length() : 0;
        int separator = identifier.indexOf(':', from);
        if (separator < 0) {
            throw new InvalidRequestException("identifier", "use type:value, e.g. phone:+34600111222");
        }
        String type = identifier.substring(0, separator);
        try {
            String value = normalizer.normalize(type, identifier.substring(separator + 1), false);
            return links.find(type + ":" + value).flatMap(this::owner);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("identifier", e.getMessage());
        }
    }

    /** What is wrong with these identifiers, without resolving (or writing) anything. */
    public List<com.omnicanal.support.problem.ProblemHandling.InvalidField> problems(
            List<IdentifyRequest.IdentifierInput> identifiers, String path) {
        try {
            Guardrails.Screened screened = guardrails.screen(identifiers, "check");
            return screened.usable().isEmpty() ? List.of(new com.omnicanal.support.problem.ProblemHandling.InvalidField(
                    path, "no usable identifier: every one is a blocked value")) : List.of();
        } catch (InvalidRequestException e) {
            return e.fields().stream().map(f -> new com.omnicanal.support.problem.ProblemHandling.InvalidField(
                    path + "." + f.field(), f.message())).toList();
        }
    }

    /** The profiles merged into {@code survivor} (and not unmerged): their history is the survivor's too. */
    public List<String> absorbedInto(Profile survivor) {
        return survivor.appliedMerges().stream().map(merges::find).flatMap(Optional::stream)
                .map(MergeRecord::sourceId).toList();
    }

    /**
     * The bulk fast path for batches (activities): each identifier set whose usable identifiers are all known and all
     * held by one profile resolves in one shared read; the others (new people, merges, screening problems) are absent
     * from the answer and go through {@link #resolveProfileId} one by one. No last-seen touch on this path.
     */
    public Map<Integer, String> resolveKnown(List<List<IdentifyRequest.IdentifierInput>> sets, String source) {
        Map<Integer, List<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            try {
                Guardrails.Screened screened = guardrails.screen(sets.get(i), source);
                if (!screened.usable().isEmpty() && screened.ignored().isEmpty()) {
                    keys.put(i, screened.usable().stream().map(Candidate::key).toList());
                }
            } catch (InvalidRequestException unusable) {
                // resolved one by one, which reports the problem
            }
        }
        Map<String, String> holders = links.holders(keys.values().stream().flatMap(List::stream).distinct().toList());
        Map<Integer, String> resolved = new LinkedHashMap<>();
        keys.forEach((i, ks) -> {
            List<String> owners = ks.stream().map(holders::get).distinct().toList();
            if (owners.size() == 1 && owners.getFirst() != null) {
                resolved.put(i, owners.getFirst());
            }
        });
        return resolved;
    }

    /** Resolves to a profile id for internal callers (activities): creates the profile when none matches. */
    public String resolveProfileId(List<IdentifyRequest.IdentifierInput> identifiers, String source, String actor) {
        return identify(new IdentifyRequest(identifiers, null, source), actor).profileId();
    }

    private Optional<IdentifyResponse> resolve(Guardrails.Screened screened, IdentifyRequest.Traits traits, String actor) {
        Map<Candidate, IdentifierLink> known = new LinkedHashMap<>();
        Map<String, List<Candidate>> owners = new LinkedHashMap<>();
        for (Candidate candidate : screened.usable()) {
            links.find(candidate.key()).ifPresent(link -> owner(link).ifPresent(owner -> {
                known.put(candidate, link);
                owners.computeIfAbsent(owner, k -> new ArrayList<>()).add(candidate);
            }));
        }
        List<IdentifyResponse.Ignored> ignored = new ArrayList<>(screened.ignored());
        if (owners.isEmpty()) {
            return create(screened.usable(), traits, ignored);
        }
        String target = chooseTarget(owners);
        List<String> mergeIds = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> other : owners.entrySet()) {
            if (!other.getKey().equals(target)) {
                mergeOrConflict(other, known, target, actor, mergeIds, conflicts);
            }
        }
        Instant now = Instant.now();
        known.forEach((candidate, link) -> links.touch(link, candidate.verified(), now));
        List<Candidate> fresh = screened.usable().stream().filter(c -> !known.containsKey(c)).toList();
        boolean traitsGiven = traits.name() != null || traits.language() != null || traits.timezone() != null;
        if (!fresh.isEmpty() || traitsGiven || !mergeIds.isEmpty()) {
            attach(target, fresh, traits, ignored, now); // the hot path (all known, nothing new) writes nothing
        }
        return Optional.of(new IdentifyResponse(target, false, mergeIds, ignored, conflicts));
    }

    private void mergeOrConflict(Map.Entry<String, List<Candidate>> other, Map<Candidate, IdentifierLink> known,
                                 String target, String actor, List<String> mergeIds, List<String> conflicts) {
        Optional<Candidate> proof = other.getValue().stream()
                .filter(c -> guardrails.allowsMerge(c, known.get(c))).findFirst();
        if (proof.isPresent()) {
            MergeRecord.Reason reason = new MergeRecord.Reason(proof.get().type(), "verified identifier match", actor);
            mergeIds.add(merges.merge(other.getKey(), target, reason).id());
        } else {
            conflicts.add(other.getKey()); // never merge on unverified identifiers
        }
    }

    private Optional<IdentifyResponse> create(List<Candidate> candidates, IdentifyRequest.Traits traits,
                                              List<IdentifyResponse.Ignored> ignored) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<Candidate> accepted = withinLimits(List.of(), candidates, ignored);
        List<String> claimed = new ArrayList<>();
        for (Candidate candidate : accepted) {
            if (!links.claim(candidate.key(), id, candidate.verified(), candidate.source(), now)) {
                links.release(claimed, id); // another request created this person first: resolve again
                return Optional.empty();
            }
            claimed.add(candidate.key());
        }
        Profile profile = Profile.newProfile(id, traits.name(), traits.language(), traits.timezone(),
                accepted.stream().map(c -> c.toIdentifier(now)).toList(), now);
        ProfileCard card = ProfileCard.of(profile);
        profiles.create(profile, List.of(new ProfileCreated(id, card.name(), card.email(), card.phone(), 1, now)));
        return Optional.of(new IdentifyResponse(id, true, List.of(), ignored, List.of()));
    }

    private void attach(String target, List<Candidate> fresh, IdentifyRequest.Traits traits,
                        List<IdentifyResponse.Ignored> ignored, Instant now) {
        Profile current = profiles.find(target).orElseThrow(ProfileStore::notFound);
        List<ProfileIdentifier> added = new ArrayList<>();
        for (Candidate candidate : withinLimits(current.identifiers(), fresh, ignored)) {
            if (links.claim(candidate.key(), target, candidate.verified(), candidate.source(), now)) {
                added.add(candidate.toIdentifier(now));
            } else {
                ignored.add(new IdentifyResponse.Ignored(candidate.type(), "held by another profile"));
            }
        }
        profiles.update(target, p -> {
            Profile next = p.with(added, traits.name(), traits.language(), traits.timezone());
            if (next.equals(p)) {
                return Change.none();
            }
            Update update = new Update().set("identifiers", next.identifiers());
            if (next.name() != null) {
                update.set("name", next.name());
            }
            if (next.language() != null) {
                update.set("language", next.language());
            }
            if (next.timezone() != null) {
                update.set("timezone", next.timezone());
            }
            ProfileCard card = ProfileCard.of(next);
            return new Change(update, card.equals(ProfileCard.of(p)) ? List.of()
                    : List.of(card.updated(p.id(), p.version() + 1, now)));
        });
    }

    List<Candidate> withinLimits(List<ProfileIdentifier> existing, List<Candidate> candidates,
                                         List<IdentifyResponse.Ignored> ignored) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        existing.forEach(i -> counts.merge(i.type(), 1, Integer::sum));
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int count = counts.getOrDefault(candidate.type(), 0);
            if (count >= properties.limitFor(candidate.type())) {
                ignored.add(new IdentifyResponse.Ignored(candidate.type(), "limit of " + properties.limitFor(candidate.type())
                        + " " + candidate.type() + " identifiers reached"));
            } else {
                counts.put(candidate.type(), count + 1);
                accepted.add(candidate);
            }
        }
        return accepted;
    }

    /** The profile a link points to, following merges; dangling links (a crash before the profile) are dropped. */
    /** The id of the active profile holding a link (read as its status alone: identify is the hottest path). */
    private Optional<String> owner(IdentifierLink link) {
        Optional<ProfileStore.Liveness> profile = profiles.liveness(link.profileId());
        if (profile.isEmpty()) {
            if (link.firstSeen().isAfter(Instant.now().minus(IN_FLIGHT))) {
                throw new InFlight();
            }
            links.release(List.of(link.id()), link.profileId());
            return Optional.empty();
        }
        if (profile.get().status() == ProfileStatus.MERGED) {
            return Optional.of(profiles.requireActive(link.profileId()).id());
        }
        return profile.filter(p -> p.status() == ProfileStatus.ACTIVE).map(ProfileStore.Liveness::id);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The profile matched by the highest-priority identifier type wins; the oldest on a tie. */
    private String chooseTarget(Map<String, List<Candidate>> owners) {
        return owners.entrySet().stream().min(Comparator
                .comparingInt((Map.Entry<String, List<Candidate>> e) -> e.getValue().stream()
                        .mapToInt(c -> properties.priorityOf(c.type())).min().orElse(Integer.MAX_VALUE))
                .thenComparing(e -> profiles.find(e.getKey()).map(Profile::createdAt).orElse(Instant.MAX)))
                .orElseThrow().getKey();
    }
}
