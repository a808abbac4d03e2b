package com.omnicanal.profile.consent;

import com.omnicanal.profile.customer.ConsentEntry;
import com.omnicanal.profile.customer.ContactPreferences;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Staff and services read and record consents and preferences, and ask the reachability question. */
@RestController
@RequestMapping("/api/profiles/{id}")
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
class ConsentController {

    private final Consents consents;
    private final Preferences preferences;
    private final ConsentHistory history;
    private final ReachabilityRules rules;
    private final ProfileStore profiles;

    ConsentController(Consents consents, Preferences preferences, ConsentHistory history, ReachabilityRules rules,
                      ProfileStore profiles) {
        this.consents = consents;
        this.preferences = preferences;
        this.history = history;
        this.rules = rules;
        this.profiles = profiles;
    }

    /** Current consents and their full history. */
    record ConsentView(String profileId, Map<String, ConsentEntry> consents, List<ConsentHistoryEntry> history) {
    }

    @GetMapping("/consents")
    ConsentView consents(@PathVariable String id) {
        Profile profile = profiles.requireActive(id);
        return new ConsentView(profile.id(), profile.consents(), history.of(profile.id()));
    }

    @PutMapping("/consents")
    ConsentView record(@PathVariable String id, @Valid @RequestBody ConsentChange change, Authentication caller) {
        Profile profile = consents.record(id, change, Actor.of(caller));
        return new ConsentView(profile.id(), profile.consents(), history.of(profile.id()));
    }

    @PutMapping("/preferences")
    ContactPreferences preferences(@PathVariable String id, @Valid @RequestBody PreferencesChange change) {
        return preferences.change(id, change).preferences();
    }

    @GetMapping("/reachability")
    Reachability reachability(@PathVariable String id, @RequestParam String purpose,
                              @RequestParam(required = false) List<String> channels) {
        Purpose parsed = Purpose.parse(purpose).orElseThrow(() ->
                new InvalidRequestException("purpose", "must be service, marketing or surveys"));
        return rules.evaluate(profiles.requireActive(id), parsed, Instant.now(), ReachabilityRules.channels(channels));
    }
}
