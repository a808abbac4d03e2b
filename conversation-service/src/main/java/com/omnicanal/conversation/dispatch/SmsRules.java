package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.sms.SmsSegments;

import java.util.List;
import java.util.Optional;

/** SMS is billed per segment: the count is recorded, and a text longer than the limit goes on another channel. */
final class SmsRules {

    static final int MAX_SEGMENTS = 10;

    private SmsRules() {
    }

    static Optional<String> problem(String channel, String text, List<String> decisions) {
        if (!channel.equals("sms")) {
            return Optional.empty();
        }
        SmsSegments.Segments segments = SmsSegments.count(text);
        if (segments.segments() > MAX_SEGMENTS) {
            return Optional.of(segments.segments() + " segments (" + segments.encoding() + "), more than " + MAX_SEGMENTS);
        }
        decisions.add("sms: " + segments.segments() + " segment(s), " + segments.encoding() + ", "
                + segments.characters() + " characters");
        return Optional.empty();
    }
}
