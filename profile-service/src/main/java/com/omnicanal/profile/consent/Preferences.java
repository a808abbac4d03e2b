package com.omnicanal.profile.consent;

import com.omnicanal.profile.customer.ContactPreferences;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileCard;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.customer.ProfileStore.Change;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Changes explicit contact preferences (and the time zone quiet hours are read in). */
@Service
class Preferences {

    private final ProfileStore profiles;

    Preferences(ProfileStore profiles) {
        this.profiles = profiles;
    }

    Profile change(String profileId, PreferencesChange change) {
        validate(change);
        String id = profiles.requireActive(profileId).id();
        return profiles.update(id, p -> {
            ContactPreferences now = p.preferences();
            ContactPreferences next = new ContactPreferences(
                    change.preferredChannel() != null ? change.preferredChannel() : now.preferredChannel(),
                    change.quietFrom() != null ? change.quietFrom() : now.quietFrom(),
                    change.quietUntil() != null ? change.quietUntil() : now.quietUntil(),
                    change.doNotContact() != null ? change.doNotContact() : now.doNotContact(),
                    now.repliesByChannel());
            Update update = new Update().set("preferences", next);
            if (change.timezone() == null || change.timezone().equals(p.timezone())) {
                return new Change(update, List.of());
            }
            update.set("timezone", change.timezone());
            ProfileCard card = ProfileCard.of(p);
            return new Change(update, List.of(new ProfileCard(card.name(), card.email(), card.phone(), card.language(),
                    change.timezone()).updated(p.id(), p.version() + 1, Instant.now())));
        });
    }

    private static void validate(PreferencesChange change) {
        if ((change.quietFrom() == null) != (change.quietUntil() == null)) {
            throw new InvalidRequestException("quietUntil", "quiet hours need both quietFrom and quietUntil");
        }
        if (change.timezone() != null) {
            try {
                ZoneId.of(change.timezone());
            } catch (DateTimeException e) {
                throw new InvalidRequestException("timezone", "is not a known time zone such as Europe/Madrid");
            }
        }
    }
}
