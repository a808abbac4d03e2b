package com.omnicanal.conversation.channel;

/** What the provider answered to a send: its own id for the message, used to match later status callbacks. */
public record ProviderReceipt(String providerMessageId) {
}
