package com.omnicanal.conversation.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Set;

/**
 * Which channels talk to their real provider ({@code omni.channels.live}); every other one runs in sandbox mode,
 * the default, so a fresh install never messages a real person.
 */
@ConfigurationProperties("omni.channels")
record ChannelsProperties(@DefaultValue Set<String> live) {

    boolean isLive(String channel) {
        return live.contains(channel);
    }
}
