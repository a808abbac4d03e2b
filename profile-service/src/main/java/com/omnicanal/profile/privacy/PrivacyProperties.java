package com.omnicanal.profile.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;

/**
 * The services that must confirm an erasure before it is complete (this one confirms itself), and where the other
 * services serve their part of a person's export.
 */
@ConfigurationProperties("omni.privacy")
record PrivacyProperties(
        @DefaultValue({"profile-service", "conversation-service", "campaign-service", "feedback-service"})
        List<String> confirmingServices,
        @DefaultValue Map<String, ExportSource> exports) {

    /** Where a service exports one person: its base URL (blank: not configured), the path with {@code {profileId}}. */
    record ExportSource(String url, String path) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
