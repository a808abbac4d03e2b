package com.omnicanal.conversation.inbox;

import java.time.Instant;

/** A message a customer sent on a channel, as its connector understood the provider's payload. */
public record InboundMessage(String channel, String providerMessageId, String identifierType, String identifierValue,
                             String senderName, String text, Instant receivedAt) {

    String id() {
        return channel + ":" + providerMessageId;
    }
}
