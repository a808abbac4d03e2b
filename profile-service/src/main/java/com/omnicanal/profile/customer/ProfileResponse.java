package com.omnicanal.profile.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A profile as staff see it. */
public record ProfileResponse(String id, String status, String mergedInto, String name, String email, String phone,
                              String language, String timezone, List<ProfileIdentifier> identifiers,
                              Map<String, ConsentEntry> consents, ContactPreferences preferences,
                              String lifecycleStage, ActivitySummary activity, long version, Instant createdAt,
                              Instant updatedAt) {

    public static ProfileResponse of(Profile p) {
        return new ProfileResponse(p.id(), p.status().name().toLowerCase(), p.mergedInto(), p.name(),
                p.main("email").orElse(null), p.main("phone").orElse(null), p.language(), p.timezone(),
                p.identifiers(), p.consents(), p.preferences(), p.activity().stageAt(Instant.now()), p.activity(),
                p.version(), p.createdAt(), p.updatedAt());
    }
}
