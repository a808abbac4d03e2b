package com.omnicanal.profile.consent;

import com.omnicanal.profile.customer.ConsentEntry;
import com.omnicanal.profile.customer.ContactPreferences;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule every sender uses: address present, no do-not-contact (except service messages), consent for the
 * purpose (service: unless refused; marketing and surveys: only when granted), quiet hours for non-service.
 */
@Component
class ReachabilityRules {

    private static final ZoneId FALLBACK_ZONE = ZoneId.of("Europe/Madrid");

    /** The channels {@code only} (all when empty): a sender that names its channels hears only of them. */
    Reachability evaluate(Profile profile, Purpose purpose, Instant now, Set<Channel> only) {
        ZoneId zone = zone(profile.timezone());
        List<Reachability.Allowed> allowed = new ArrayList<>();
        List<Reachability.Blocked> blocked = new ArrayList<>();
        for (Channel channel : ranked(profile.preferences())) {
            if (!only.isEmpty() && !only.contains(channel)) {
                continue;
            }
            Optional<String> address = address(profile, channel);
            List<String> reasons = new ArrayList<>();
            Instant allowedFrom = null;
            if (address.isEmpty()) {
                reasons.add("no-address");
            }
            if (profile.preferences().doNotContact() && purpose.optIn()) {
                reasons.add("do-not-contact");
            }
            consentProblem(profile.consents().get(channel.code() + ":" + purpose.code()), purpose).ifPresent(reasons::add);
            if (purpose.optIn() && inQuietHours(profile.preferences(), now, zone)) {
                reasons.add("quiet-hours");
                allowedFrom = quietHoursEnd(profile.preferences(), now, zone);
            }
            if (reasons.isEmpty()) {
                allowed.add(new Reachability.Allowed(channel.code(), address.get(), rank(profile.preferences(), channel)));
            } else {
                blocked.add(new Reachability.Blocked(channel.code(), reasons,
                        reasons.equals(List.of("quiet-hours")) ? allowedFrom : null));
            }
        }
        return new Reachability(profile.id(), purpose.code(), now, zone.getId(), allowed, blocked);
    }

    /** The channels named (null or none: all); a name that is no channel is bad input, named. */
    static Set<Channel> channels(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : names) {
            channels.add(Channel.parse(name).orElseThrow(() -> new InvalidRequestException("channels",
                    "unknown channel '" + name + "'; one of " + Arrays.stream(Channel.values()).map(Channel::code).toList())));
        }
        return channels;
    }

    private static Optional<String> consentProblem(ConsentEntry consent, Purpose purpose) {
        if (consent == null) {
            return purpose.optIn() ? Optional.of("consent-missing") : Optional.empty();
        }
        return consent.granted() ? Optional.empty() : Optional.of("consent-" + consent.state());
    }

    private static Optional<String> address(Profile profile, Channel channel) {
        return channel.addressTypes().stream().map(profile::main).flatMap(Optional::stream).findFirst();
    }

    /** Explicit preference first, then channels the customer answers on most, then the platform's default order. */
    private static List<Channel> ranked(ContactPreferences preferences) {
        return Arrays.stream(Channel.values()).sorted(Comparator
                .comparing((Channel c) -> !c.code().equals(preferences.preferredChannel()))
                .thenComparing(c -> -preferences.repliesByChannel().getOrDefault(c.code(), 0))).toList();
    }

    private static String rank(ContactPreferences preferences, Channel channel) {
        if (channel.code().equals(preferences.preferredChannel())) {
            return "preferred";
        }
        return preferences.repliesByChannel().getOrDefault(channel.code(), 0) > 0 ? "learned" : "default";
    }

    private static boolean inQuietHours(ContactPreferences preferences, Instant now, ZoneId zone) {
        if (preferences.quietFrom() == null || preferences.quietUntil() == null) {
            return false;
        }
        LocalTime local = now.atZone(zone).toLocalTime();
        LocalTime from = preferences.quietFrom();
        LocalTime until = preferences.quietUntil();
        return from.isBefore(until) ? !local.isBefore(from) && local.isBefore(until)
                : !local.isBefore(from) || local.isBefore(until); // a window across midnight
    }

    private static Instant quietHoursEnd(ContactPreferences preferences, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime end = local.with(preferences.quietUntil());
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    static ZoneId zone(String timezone) {
        try {
            return timezone == null ? FALLBACK_ZONE : ZoneId.of(timezone);
        } catch (DateTimeException unknownZone) {
            return FALLBACK_ZONE;
        }
    }
}
