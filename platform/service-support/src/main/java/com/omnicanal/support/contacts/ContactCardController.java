package com.omnicanal.support.contacts;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Staff read a service's contact card at {@code ${omni.contacts.path}/{profileId}}. */
@RestController
class ContactCardController {

    private final ContactCards cards;

    ContactCardController(ContactCards cards) {
        this.cards = cards;
    }

    record ContactCardResponse(String profileId, String name, String email, String phone, String language,
                               String timezone, String mergedInto, long version) {
    }

    @GetMapping("${omni.contacts.path}/{profileId}")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    ContactCardResponse get(@PathVariable String profileId) {
        return cards.find(profileId)
                .map(c -> new ContactCardResponse(c.id(), c.name(), c.email(), c.phone(), c.language(), c.timezone(),
                        c.mergedInto(), c.version()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such contact"));
    }
}
