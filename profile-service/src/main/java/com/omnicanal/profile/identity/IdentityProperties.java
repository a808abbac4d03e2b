package com.omnicanal.profile.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;

/**
 * Identity-resolution guardrails: values never used for resolution, how many values of a type a profile may hold,
 * which types win when identifiers point to different profiles, and whether unverified identifiers may merge.
 */
@ConfigurationProperties("omni.identity")
public record IdentityProperties(
        @DefaultValue("ES") String defaultRegion,
        @DefaultValue({"null", "undefined", "none", "n/a", "test@test.com", "test@example.com", "noreply@example.com"})
        List<String> blockedValues,
        @DefaultValue({"^0+$", "^\\+?[0-9]*0{6,}$", "^\\+?(\\d)\\1{7,}$"}) List<String> blockedPatterns,
        @DefaultValue("5") int maxPerType,
        Map<String, Integer> maxPerTypeOverrides,
        @DefaultValue({"keycloak", "customer_number", "email", "phone", "whatsapp", "telegram", "messenger",
                "instagram", "app", "web"}) List<String> typePriority,
        @DefaultValue("false") boolean mergeOnUnverified,
        String hashKey) {

    int limitFor(String type) {
        return maxPerTypeOverrides == null ? maxPerType : maxPerTypeOverrides.getOrDefault(type, maxPerType);
    }

    int priorityOf(String type) {
        String base = type.startsWith("external:") ? "external" : type;
        int index = typePriority.indexOf(base);
        return index < 0 ? typePriority.size() : index;
    }
}
