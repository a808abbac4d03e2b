package com.omnicanal.profile.timeline;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStore;
import com.omnicanal.profile.identity.IdentityResolver;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The unified timeline agents open to know the customer without asking them anything. */
@RestController
class TimelineController {

    private final Timeline timeline;
    private final ProfileStore profiles;
    private final IdentityResolver identity;

    TimelineController(Timeline timeline, ProfileStore profiles, IdentityResolver identity) {
        this.timeline = timeline;
        this.profiles = profiles;
        this.identity = identity;
    }

    /** A page of entries, newest first; pass {@code next} as {@code before} for the following page. */
    record TimelinePage(String profileId, List<TimelineEntry> entries, Instant next) {
    }

    @GetMapping("/api/profiles/{id}/timeline")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    TimelinePage timeline(@PathVariable String id, @RequestParam(required = false) String type,
                          @RequestParam(required = false) String channel, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String before, @RequestParam(defaultValue = "50") int limit) {
        Profile profile = profiles.requireActive(id);
        List<String> ids = new ArrayList<>(List.of(profile.id()));
        ids.addAll(identity.absorbedInto(profile));
        Predicate<TimelineEntry> filter = e -> (type == null || type.equals(e.type()))
                && (channel == null || channel.equals(e.channel()));
        Instant since = from == null ? profile.createdAt().minusSeconds(366L * 24 * 3600) : instant("from", from);
        int size = Math.clamp(limit, 1, 200);
        List<TimelineEntry> entries = timeline.read(ids, filter, before == null ? Instant.now().plusSeconds(60)
                : instant("before", before), since, size);
        Instant next = entries.size() == size ? entries.getLast().at() : null;
        return new TimelinePage(profile.id(), entries, next);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
        }
    }
}
