package com.omnicanal.profile.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the platform holds about a person, one section per service; {@code complete} only when no section is missing,
 * and {@code missing} names the ones that are (a partial export never passes for a whole one).
 */
record PersonalExport(String profileId, Instant exportedAt, boolean complete, List<String> missing,
                      Map<String, ExportSection> sections) {

    static PersonalExport of(String profileId, Map<String, ExportSection> sections) {
        List<String> missing = sections.entrySet().stream().filter(s -> s.getValue().isMissing())
                .map(Map.Entry::getKey).toList();
        return new PersonalExport(profileId, Instant.now(), missing.isEmpty(), missing, sections);
    }
}
