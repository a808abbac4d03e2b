package com.omnicanal.profile.consent;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.identity.CurrentCustomer;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The preference centre: a customer reads and changes only their own consents and preferences. */
@RestController
@RequestMapping("/api/me")
@PreAuthorize("hasRole('customer')")
class MyConsentController {

    private final CurrentCustomer me;
    private final Consents consents;
    private final Preferences preferences;
    private final ConsentHistory history;
    private final ProfileStore profiles;

    MyConsentController(CurrentCustomer me, Consents consents, Preferences preferences, ConsentHistory history,
                        ProfileStore profiles) {
        this.me = me;
        this.consents = consents;
        this.preferences = preferences;
        this.history = history;
        this.profiles = profiles;
    }

    @GetMapping("/consents")
    ConsentController.ConsentView mine(Authentication caller) {
        Profile profile = profiles.requireActive(me.profileId(caller));
        return new ConsentController.ConsentView(profile.id(), profile.consents(), history.of(profile.id()));
    }

    @PutMapping("/consents")
    ConsentController.ConsentView change(@Valid @RequestBody ConsentChange change, Authentication caller) {
        ConsentChange selfService = new ConsentChange(change.channel(), change.purpose(), change.state(),
                "self-service", change.evidence());
        Profile profile = consents.record(me.profileId(caller), selfService, Actor.of(caller));
        return new ConsentController.ConsentView(profile.id(), profile.consents(), history.of(profile.id()));
    }

    @PutMapping("/preferences")
    com.omnicanal.profile.customer.ContactPreferences preferences(@Valid @RequestBody PreferencesChange change,
                                                                   Authentication caller) {
        return preferences.change(me.profileId(caller), change).preferences();
    }
}
