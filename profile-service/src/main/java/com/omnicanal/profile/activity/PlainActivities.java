package com.omnicanal.profile.activity;

import java.util.regex.Pattern;

/**
 * The bean constraints of {@link ActivityInput} checked by hand for the common, clean case: running the validator on
 * every activity of a batch was a sixteenth of its CPU. Only ever says "certainly valid"; anything else (items, a
 * violation, an unusual value) is left to the validator, which names the problems.
 */
final class PlainActivities {

    private static final Pattern TYPE = Pattern.compile(ActivityInput.TYPES);
    private static final Pattern CURRENCY = Pattern.compile(ActivityInput.CURRENCY);

    private PlainActivities() {
    }

    static boolean certainlyValid(ActivityInput a) {
        return filled(a.id(), 100) && a.type() != null && TYPE.matcher(a.type()).matches() && a.occurredAt() != null
                && customer(a.customer()) && within(a.channel(), 40) && within(a.storeId(), 100)
                && within(a.orderId(), 100) && a.items() == null && (a.amount() == null || a.amount().signum() >= 0)
                && (a.currency() == null || CURRENCY.matcher(a.currency()).matches())
                && (a.attributes() == null || a.attributes().size() <= 50);
    }

    private static boolean customer(ActivityInput.CustomerRef c) {
        if (c == null || !within(c.profileId(), 64)) {
            return false;
        }
        if (c.identifiers() == null) {
            return true;
        }
        return c.identifiers().size() <= 20 && c.identifiers().stream()
                .allMatch(i -> i != null && filled(i.type(), 80) && filled(i.value(), 320));
    }

    private static boolean within(String value, int max) {
        return value == null || value.length() <= max;
    }

    /** Not blank however blank is judged: it starts and ends with a visible character. */
    private static boolean filled(String value, int max) {
        return value != null && !value.isEmpty() && value.length() <= max && visible(value.charAt(0))
                && visible(value.charAt(value.length() - 1));
    }

    private static boolean visible(char c) {
        return c > ' ' && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }
}
