package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition.SendWindow;
import com.omnicanal.support.contacts.ContactCards;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The customer's local clock, from the contact read model (kept by profile events, no call per customer), else the
 * configured default zone: waits until a time of day and send windows are planned in it.
 */
@Component
class CustomerZones {

    private final ContactCards contacts;
    private final ZoneId defaultZone;

    CustomerZones(ContactCards contacts, @Value("${omni.journeys.default-timezone:Europe/Madrid}") ZoneId defaultZone) {
        this.contacts = contacts;
        this.defaultZone = defaultZone;
    }

    ZoneId of(String profileId) {
        return contacts.contact(profileId).map(ContactCards.Contact::timezone)
                .filter(z -> z != null && ZoneId.getAvailableZoneIds().contains(z)).map(ZoneId::of).orElse(defaultZone);
    }

    /** The next moment the customer's clock shows {@code time} (today if still ahead, else tomorrow). */
    static ZonedDateTime next(Instant now, ZoneId zone, LocalTime time) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(time).atZone(zone);
        return today.isAfter(local) ? today : local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
    }

    /** Null inside the window; else when it next opens. */
    static ZonedDateTime outside(Instant now, ZoneId zone, SendWindow window) {
        LocalTime time = now.atZone(zone).toLocalTime();
        boolean inside = !time.isBefore(window.from()) && time.isBefore(window.to());
        return inside ? null : next(now, zone, window.from());
    }
}
