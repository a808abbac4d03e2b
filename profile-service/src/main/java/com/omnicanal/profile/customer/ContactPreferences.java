package com.omnicanal.profile.customer;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

/**
 * How the customer wants to be reached: an explicit preferred channel, quiet hours in their time zone, a global
 * do-not-contact, and the learned preference (inbound replies counted per channel).
 */
public record ContactPreferences(String preferredChannel, LocalTime quietFrom, LocalTime quietUntil,
                                 boolean doNotContact, Map<String, Integer> repliesByChannel) {

    public static final ContactPreferences NONE = new ContactPreferences(null, null, null, false, Map.of());

    public ContactPreferences {
        repliesByChannel = repliesByChannel == null ? Map.of() : repliesByChannel;
    }

    /** Both customers' preferences as one: the first's choices win, do-not-contact from either, replies summed. */
    public static ContactPreferences combine(ContactPreferences a, ContactPreferences b) {
        Map<String, Integer> replies = new HashMap<>(a.repliesByChannel);
        b.repliesByChannel.forEach((channel, count) -> replies.merge(channel, count, Integer::sum));
        boolean aHasQuietHours = a.quietFrom != null;
        return new ContactPreferences(a.preferredChannel != null ? a.preferredChannel : b.preferredChannel,
                aHasQuietHours ? a.quietFrom : b.quietFrom, aHasQuietHours ? a.quietUntil : b.quietUntil,
                a.doNotContact || b.doNotContact, replies);
    }
}
