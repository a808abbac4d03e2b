package com.omnicanal.support.privacy;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything this service holds about a person, from its {@link ExportParticipant}s: profile-service's export
 * fetches it with the service token (an internal path; the gateway routes no {@code /internal/**}).
 */
@RestController
class PrivacyExportController {

    static final String PATH = "/internal/privacy/{profileId}/export";

    private final List<ExportParticipant> participants;
    private final String service;

    PrivacyExportController(List<ExportParticipant> participants, String service) {
        this.participants = participants;
        this.service = service;
    }

    @GetMapping(PATH)
    @PreAuthorize("hasAnyRole('supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
    Map<String, Object> export(@PathVariable String profileId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("service", service);
        export.put("profileId", profileId);
        export.put("exportedAt", Instant.now());
        participants.forEach(p -> export.putAll(p.export(profileId)));
        return export;
    }
}
