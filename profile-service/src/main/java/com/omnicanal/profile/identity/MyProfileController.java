package com.omnicanal.profile.identity;

import com.omnicanal.profile.customer.ProfileResponse;
import com.omnicanal.profile.customer.ProfileStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in customer's own profile, and nothing else. */
@RestController
@PreAuthorize("hasRole('customer')")
class MyProfileController {

    private final CurrentCustomer me;
    private final ProfileStore profiles;

    MyProfileController(CurrentCustomer me, ProfileStore profiles) {
        this.me = me;
        this.profiles = profiles;
    }

    @GetMapping("/api/me/profile")
    ProfileResponse mine(Authentication caller) {
        return ProfileResponse.of(profiles.requireActive(me.profileId(caller)));
    }
}
