package com.omnicanal.profile.consent;

import com.omnicanal.events.profile.ConsentChanged;
import com.omnicanal.profile.customer.ConsentEntry;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/** Records consent decisions: current state and history in one write, and {@code consent-changed} to everyone. */
@Service
class Consents {

    static final String HISTORY = "consentHistory";

    private final ProfileStore profiles;

    Consents(ProfileStore profiles) {
        this.profiles = profiles;
    }

    Profile record(String profileId, ConsentChange change, String actor) {
        String id = profiles.requireActive(profileId).id();
        String key = change.channel() + ":" + change.purpose();
        String source = change.source() == null ? "api" : change.source();
        return profiles.update(id, p -> {
            ConsentEntry previous = p.consents().get(key);
            Instant now = Instant.now();
            ConsentEntry entry = new ConsentEntry(change.state(), now, source, change.evidence(), actor);
            String before = previous == null ? null : previous.state();
            Update update = new Update().set("consents." + key, entry).push(HISTORY, new ConsentHistoryEntry(
                    change.channel(), change.purpose(), change.state(), before, now, source, change.evidence(), actor));
            return new Change(update, List.of(new ConsentChanged(p.id(), change.channel(), change.purpose(),
                    change.state(), before, source, p.version() + 1, now)));
        });
    }
}
