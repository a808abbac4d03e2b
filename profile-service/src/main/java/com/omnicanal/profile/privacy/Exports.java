package com.omnicanal.profile.privacy;

import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's export: this service's section, then one per service that holds personal data (those confirming an
 * erasure, and any export source configured) — included, or missing with the reason.
 */
@Service
class Exports {

    private final LocalExport local;
    private final ExportSources sources;
    private final List<String> others;

    Exports(LocalExport local, ExportSources sources, PrivacyProperties properties) {
        this.local = local;
        this.sources = sources;
        Set<String> services = new LinkedHashSet<>(properties.confirmingServices());
        services.addAll(properties.exports().keySet());
        services.remove(Erasures.SERVICE);
        this.others = List.copyOf(services);
    }

    PersonalExport of(String profileId) {
        Map<String, ExportSection> sections = new LinkedHashMap<>();
        sections.put(Erasures.SERVICE, ExportSection.included(local.of(profileId)));
        others.forEach(service -> sections.put(service, sources.fetch(service, profileId)));
        return PersonalExport.of(profileId, sections);
    }
}
