package com.omnicanal.profile.privacy;

import com.omnicanal.support.client.ServiceClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/** The other services' parts of a person's export, each fetched with this service's own token. */
@Component
class ExportSources {

    private static final Logger log = LoggerFactory.getLogger(ExportSources.class);

    private final Map<String, PrivacyProperties.ExportSource> sources;
    private final Map<String, RestClient> clients = new HashMap<>();

    ExportSources(PrivacyProperties properties, ServiceClients services) {
        this.sources = properties.exports();
        sources.forEach((service, source) -> {
            if (source.configured()) {
                clients.put(service, services.to(source.url()));
            }
        });
    }

    ExportSection fetch(String service, String profileId) {
        RestClient client = clients.get(service);
        if (client == null) {
            return ExportSection.missing(sources.containsKey(service)
                    ? "not configured: omni.privacy.exports." + service + ".url is empty"
                    : "not configured: " + service + " has no export source (omni.privacy.exports." + service + ")");
        }
        try {
            JsonNode part = client.get().uri(sources.get(service).path(), profileId).retrieve().body(JsonNode.class);
            return part == null ? ExportSection.missing("unavailable: " + service + " answered nothing")
                    : ExportSection.included(part);
        } catch (RestClientResponseException e) {
            log.warn("export of {}: {} answered {}", profileId, service, e.getStatusCode());
            return ExportSection.missing("unavailable: " + service + " answered " + e.getStatusCode().value());
        } catch (RuntimeException e) { // refused, timed out or no token: the part is missing all the same
            log.warn("export of {}: {} could not be asked: {}", profileId, service, e.toString());
            return ExportSection.missing("unavailable: " + service + " could not be reached");
        }
    }
}
