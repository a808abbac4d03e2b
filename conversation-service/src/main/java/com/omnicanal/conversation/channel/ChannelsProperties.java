package com.omnicanal.conversation.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Which channels talk to their real provider ({@code omni.channels.live}); every other one runs in sandbox mode,
 * the default, so a fresh install never messages a real person. {@code throttles}: the send rate each provider allows
 * (channel → e.g. {@code 50/s}; none by default), a send over it waiting its turn up to {@code throttle-wait};
 * {@code throttle-scope}: {@code shared} (the default: one rate for every instance, kept in the store) or
 * {@code instance} (each instance its own).
 */
@ConfigurationProperties("omni.channels")
record ChannelsProperties(@DefaultValue Set<String> live, @DefaultValue Map<String, String> throttles,
                          @DefaultValue("PT2S") Duration throttleWait, @DefaultValue("shared") String throttleScope) {

    ChannelsProperties {
        if (!Set.of("shared", "instance").contains(throttleScope)) {
            throw new IllegalArgumentException("omni.channels.throttle-scope must be shared or instance, not '"
                    + throttleScope + "'");
        }
    }

    boolean sharesThrottles() {
        return "shared".equals(throttleScope);
    }

    boolean isLive(String channel) {
        return live.contains(channel);
    }
}
