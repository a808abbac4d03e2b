package com.omnicanal.profile.identity;

import com.omnicanal.profile.customer.ProfileIdentifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Staff and services (a call task's "wrong number", a hard bounce) mark an address that does not reach the customer. */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
class InvalidIdentifierController {

    private final InvalidIdentifiers invalid;

    InvalidIdentifierController(InvalidIdentifiers invalid) {
        this.invalid = invalid;
    }

    record IdentifiersView(String profileId, List<ProfileIdentifier> identifiers) {
    }

    @PostMapping("/api/profiles/{id}/identifiers/invalid")
    IdentifiersView mark(@PathVariable String id, @RequestBody InvalidIdentifiers.MarkInvalid request) {
        var profile = invalid.mark(id, request);
        return new IdentifiersView(profile.id(), profile.identifiers());
    }
}
