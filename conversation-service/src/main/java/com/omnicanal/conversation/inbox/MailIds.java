package com.omnicanal.conversation.inbox;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our own e-mail Message-IDs name the mail's conversation and the message itself ({@code <uuid.conversation-id@domain>},
 * the uuid being the message's own), so a reply that quotes one finds its conversation, and a bounce its message, without
 * a lookup document per mail sent (two writes less per broadcast mail). Mails sent before session 19 carry a random
 * uuid instead: their bounces are found through the provider-id link written for them then.
 */
public final class MailIds {

    /** A UUID (the message's own, or random in mails sent before session 19), a dot, then the conversation's id
     * (UUIDs, or ids of letters, digits and hyphens). */
    private static final Pattern OURS = Pattern.compile(
            "<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9-]{1,64})@[^>\\s]+>?");
    private static final String OUTBOUND = "out:";

    private MailIds() {
    }

    /** The Message-ID of our message {@code messageId} ({@code out:<uuid>}) in {@code conversationId}. */
    public static String forMessage(String messageId, String conversationId, String domain) {
        String uuid = messageId.startsWith(OUTBOUND) ? messageId.substring(OUTBOUND.length()) : null;
        boolean named = uuid != null && OURS.matcher(uuid + "." + conversationId + "@" + domain).matches();
        return "<" + (named ? uuid : UUID.randomUUID().toString()) + "." + conversationId + "@" + domain + ">";
    }

    /** The conversation an id of ours names; empty for anyone else's (the caller checks the conversation exists). */
    static Optional<String> conversationOf(String mailId) {
        return ours(mailId).map(m -> m.group(2));
    }

    /** The message an id of ours names; empty for anyone else's (the caller checks it is that message's mail). */
    static Optional<String> messageOf(String mailId) {
        return ours(mailId).map(m -> OUTBOUND + m.group(1));
    }

    private static Optional<Matcher> ours(String mailId) {
        Matcher ours = mailId == null ? null : OURS.matcher(mailId.trim());
        return ours != null && ours.matches() ? Optional.of(ours) : Optional.empty();
    }
}
