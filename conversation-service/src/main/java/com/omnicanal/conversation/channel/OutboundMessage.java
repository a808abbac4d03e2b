package com.omnicanal.conversation.channel;

import java.util.List;
import java.util.Map;

/**
 * A message on its way to a customer: the address is the channel's identifier value (phone number, e-mail, chat id);
 * {@code kind} is {@code free-form}, {@code template} (then {@code template}, {@code language} and
 * {@code templateParameters} say which approved template to use) or {@code interactive} (then {@code interactive}
 * holds the tappable choices; {@code text} is what the thread shows); {@code headers} carry e-mail threading.
 */
public record OutboundMessage(String messageId, String profileId, String conversationId, String channel,
                              String address, String kind, String text, String subject, String template,
                              String language, List<String> templateParameters, List<Attachment> attachments,
                              Map<String, String> headers, Interactive interactive) {

    /** A file sent with a message, by reference: providers fetch it from the link. */
    public record Attachment(String name, String contentType, long size, String url) {
    }
}
