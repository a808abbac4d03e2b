package com.omnicanal.profile.customer;

import com.omnicanal.events.profile.ProfileUpdated;

import java.time.Instant;

/** What other services keep of a profile; a change to it is published as {@code omni.profile.updated.v1}. */
public record ProfileCard(String name, String email, String phone, String language, String timezone) {

    public static ProfileCard of(Profile profile) {
        return new ProfileCard(profile.name(), profile.main("email").orElse(null), profile.main("phone").orElse(null),
                profile.language(), profile.timezone());
    }

    public ProfileUpdated updated(String profileId, long version, Instant at) {
        return new ProfileUpdated(profileId, name, email, phone, language, timezone, version, at);
    }
}
