package com.omnicanal.profile.identity;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileCard;
import com.omnicanal.profile.customer.ProfileIdentifier;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * Marks an address that does not reach the customer (a call answered by someone else, a bounced mailbox): it stays on
 * the profile for identity and history, but reachability and the published card stop offering it.
 */
@Service
class InvalidIdentifiers {

    private final ProfileStore profiles;
    private final IdentifierNormalizer normalizer;

    InvalidIdentifiers(ProfileStore profiles, IdentifierNormalizer normalizer) {
        this.profiles = profiles;
        this.normalizer = normalizer;
    }

    record MarkInvalid(String type, String value, String reason) {
    }

    Profile mark(String profileId, MarkInvalid request) {
        String reason = request.reason() == null || request.reason().isBlank() ? "invalid" : request.reason().strip();
        if (reason.length() > 100) {
            throw new InvalidRequestException("reason", "must be at most 100 characters");
        }
        String key = request.type() + ":" + normalized(request);
        String id = profiles.requireActive(profileId).id();
        return profiles.update(id, p -> {
            if (p.identifiers().stream().noneMatch(i -> i.key().equals(key))) {
                throw new InvalidRequestException("value", "is not an identifier of profile " + profileId);
            }
            List<ProfileIdentifier> marked = p.identifiers().stream()
                    .map(i -> i.key().equals(key) && i.usable() ? i.invalid(reason) : i).toList();
            ProfileCard before = ProfileCard.of(p);
            ProfileCard after = ProfileCard.of(withIdentifiers(p, marked));
            Update update = new Update().set("identifiers", marked);
            return new Change(update, before.equals(after) ? List.of()
                    : List.of(after.updated(p.id(), p.version() + 1, Instant.now())));
        });
    }

    private String normalized(MarkInvalid request) {
        if (request.type() == null || request.type().isBlank()) {
            throw new InvalidRequestException("type", "must be an identifier type such as phone or email");
        }
        try {
            return normalizer.normalize(request.type(), request.value(), false);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage().startsWith("unknown identifier type") ? "type" : "value",
                    e.getMessage());
        }
    }

    private static Profile withIdentifiers(Profile p, List<ProfileIdentifier> identifiers) {
        return new Profile(p.id(), p.status(), p.mergedInto(), p.name(), p.language(), p.timezone(), identifiers,
                p.consents(), p.preferences(), p.activity(), p.appliedMerges(), p.version(), p.createdAt(),
                p.updatedAt(), p.outbox());
    }
}
