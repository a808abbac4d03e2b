package com.omnicanal.conversation.channel;

/** A provider's outbound API for one channel (live mode); in sandbox mode {@link SandboxConnector} stands in. */
public interface ChannelConnector {

    String channel();

    /** Hands the message to the provider and returns its id for the message; {@link ChannelException} if refused. */
    ProviderReceipt send(OutboundMessage message);
}
