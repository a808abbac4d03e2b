package com.omnicanal.conversation.inbox;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our own e-mail Message-IDs name the mail's conversation ({@code <random-uuid.conversation-id@domain>}), so a reply
 * that quotes one finds its conversation without a lookup document per mail sent (one write less per broadcast mail).
 */
public final class MailIds {

    /** A random UUID, a dot, then the conversation's id (UUIDs, or ids of letters, digits and hyphens). */
    private static final Pattern OURS = Pattern.compile(
            "<?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.([A-Za-z0-9-]{1,64})@[^>\\s]+>?");

    private MailIds() {
    }

    /** A new Message-ID for a mail of {@code conversationId}, unique by its random part. */
    public static String forConversation(String conversationId, String domain) {
        return "<" + UUID.randomUUID() + "." + conversationId + "@" + domain + ">";
    }

    /** The conversation an id of ours names; empty for anyone else's (the caller checks the conversation exists). */
    static Optional<String> conversationOf(String messageId) {
        Matcher ours = messageId == null ? null : OURS.matcher(messageId.trim());
        return ours != null && ours.matches() ? Optional.of(ours.group(1)) : Optional.empty();
    }
}
