package com.omnicanal.conversation.channel;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connector that carries a channel now: its live provider client, or the sandbox when not live. */
@Component
public class Connectors {

    private final Map<String, ChannelConnector> live;
    private final ChannelsProperties properties;
    private final SandboxConnector sandbox;

    Connectors(List<ChannelConnector> connectors, ChannelsProperties properties, SandboxConnector sandbox) {
        this.live = connectors.stream().collect(Collectors.toMap(ChannelConnector::channel, Function.identity()));
        this.properties = properties;
        this.sandbox = sandbox;
    }

    /** Sends on the channel; channels we host ourselves (web chat) have no sandbox and always send for real. */
    public ProviderReceipt send(OutboundMessage message) {
        ChannelConnector connector = live.get(message.channel());
        if (connector != null && (properties.isLive(message.channel()) || Hosted.CHANNELS.contains(message.channel()))) {
            return connector.send(message);
        }
        return sandbox.send(message);
    }

    public boolean isSandbox(String channel) {
        return !properties.isLive(channel) && !Hosted.CHANNELS.contains(channel);
    }
}
