package com.omnicanal.conversation.channel;

import java.util.Map;

/**
 * Plays a channel's provider for the sandbox: builds exactly the signed webhook request the provider would send,
 * for a customer's message or for a status of a message we sent, so the whole inbound path runs.
 */
public interface CustomerSimulator {

    String channel();

    /** The provider's webhook for a message from {@code from}; {@code extra} holds channel-specific fields. */
    SimulatedRequest inbound(String from, String name, String text, Map<String, String> extra);

    /** The provider's status callback ({@code sent}, {@code delivered}, {@code read}, {@code failed}). */
    SimulatedRequest status(String providerMessageId, String to, String status);

    /** The provider's webhook for the customer {@code from} tapping {@code choice} of a kept interactive message. */
    default SimulatedRequest tap(String from, SandboxConnector.Kept message, Interactive.Choice choice) {
        throw new UnsupportedOperationException(channel() + " has no tappable choices");
    }

    /** An HTTP request to one of our webhooks, as the provider would make it. */
    record SimulatedRequest(String path, String contentType, byte[] body, Map<String, String> headers) {
    }
}
