package com.omnicanal.profile.privacy;

import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.identity.CurrentCustomer;
import com.omnicanal.support.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Export (a section per service, a missing one named) and erasure, for supervisors and admins on anyone, for a
 * customer on themselves.
 */
@RestController
class PrivacyController {

    private final Erasures erasures;
    private final Exports exports;
    private final ProfileStore profiles;
    private final CurrentCustomer me;

    PrivacyController(Erasures erasures, Exports exports, ProfileStore profiles, CurrentCustomer me) {
        this.erasures = erasures;
        this.exports = exports;
        this.profiles = profiles;
        this.me = me;
    }

    @GetMapping("/api/privacy/{profileId}/export")
    @PreAuthorize("hasAnyRole('supervisor', 'admin')")
    PersonalExport export(@PathVariable String profileId) {
        return exports.of(profiles.find(profileId).orElseThrow(ProfileStore::notFound).id());
    }

    @PostMapping("/api/privacy/{profileId}/erasure")
    @PreAuthorize("hasAnyRole('supervisor', 'admin')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureView erase(@PathVariable String profileId, Authentication caller) {
        return ErasureView.of(erasures.request(profiles.requireActive(profileId).id(), Actor.of(caller)));
    }

    @GetMapping("/api/privacy/requests/{requestId}")
    @PreAuthorize("hasAnyRole('supervisor', 'admin')")
    ErasureView request(@PathVariable String requestId) {
        return erasures.find(requestId).map(ErasureView::of).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no such request"));
    }

    @GetMapping("/api/me/privacy/export")
    @PreAuthorize("hasRole('customer')")
    PersonalExport exportMine(Authentication caller) {
        return exports.of(me.profileId(caller));
    }

    @PostMapping("/api/me/privacy/erasure")
    @PreAuthorize("hasRole('customer')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureView eraseMine(Authentication caller) {
        return ErasureView.of(erasures.request(me.profileId(caller), Actor.of(caller)));
    }
}
