package com.omnicanal.profile.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** The services that must confirm an erasure before it is complete (this one confirms itself). */
@ConfigurationProperties("omni.privacy")
record PrivacyProperties(
        @DefaultValue({"profile-service", "conversation-service", "campaign-service", "feedback-service"})
        List<String> confirmingServices) {
}
