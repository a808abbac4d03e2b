package com.omnicanal.conversation.inbox;

import com.omnicanal.conversation.channel.OutboundMessage.Attachment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message a customer sent on a channel, as its connector understood the provider's payload: who sent it (the
 * identifiers the channel proves), what, and channel details (kind, e-mail subject and threading headers, store).
 */
public record InboundMessage(String channel, String providerMessageId, List<SenderId> sender, String senderName,
                             String text, Instant receivedAt, Details details) {

    /** An identifier of the sender; {@code verified} when the channel itself proves it (it delivered the message). */
    public record SenderId(String type, String value, boolean verified) {
    }

    /**
     * What only some channels carry; {@code headers} hold e-mail's Message-ID, In-Reply-To and References;
     * {@code replyId} the id of the button or list row the customer tapped (its title is the text).
     */
    public record Details(String kind, String subject, List<Attachment> attachments, Map<String, String> headers,
                          String storeId, String direction, String replyId) {

        static final Details NONE = new Details("text", null, List.of(), Map.of(), null, "inbound");

        public Details(String kind, String subject, List<Attachment> attachments, Map<String, String> headers,
                       String storeId, String direction) {
            this(kind, subject, attachments, headers, storeId, direction, null);
        }
    }

    /** A plain text message from one verified identifier. */
    public static InboundMessage text(String channel, String providerMessageId, String type, String value,
                                      String senderName, String text, Instant receivedAt) {
        return new InboundMessage(channel, providerMessageId, List.of(new SenderId(type, value, true)), senderName, text,
                receivedAt, Details.NONE);
    }

    String id() {
        return channel + ":" + providerMessageId;
    }

    Details detailsOrNone() {
        return details == null ? Details.NONE : details;
    }
}
