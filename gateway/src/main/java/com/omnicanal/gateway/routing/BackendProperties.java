package com.omnicanal.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/** Where each service is and how long the gateway waits for it. */
@ConfigurationProperties("omni.gateway")
record BackendProperties(URI profileService, URI conversationService, URI campaignService, URI feedbackService,
                         @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout) {
}
