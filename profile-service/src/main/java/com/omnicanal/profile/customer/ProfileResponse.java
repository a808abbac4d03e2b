package com.omnicanal.profile.customer;

import java.time.Instant;

/** A profile as the API shows it. */
record ProfileResponse(String id, String name, String email, String phone, long version, Instant createdAt) {

    static ProfileResponse of(Profile profile) {
        return new ProfileResponse(profile.id(), profile.name(), profile.email(), profile.phone(), profile.version(),
                profile.createdAt());
    }
}
