package com.omnicanal.support.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** How a service gets its own token (client credentials on {@code omni-services}) to call another service. */
@ConfigurationProperties("omni.services")
public record ServiceClientProperties(
        String tokenUri,
        @DefaultValue("omni-services") String clientId,
        String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {
}
