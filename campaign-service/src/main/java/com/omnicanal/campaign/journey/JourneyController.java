package com.omnicanal.campaign.journey;

import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** Marketers, supervisors and admins design, publish, pause and dry-run journeys; agents may read them. */
@RestController
@PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
class JourneyController {

    private final Journeys journeys;
    private final JourneyValidator validator;
    private final DryRun dryRun;

    JourneyController(Journeys journeys, JourneyValidator validator, DryRun dryRun) {
        this.journeys = journeys;
        this.validator = validator;
        this.dryRun = dryRun;
    }

    record JourneyView(Journey journey, JourneyDefinition activeDefinition, JourneyDefinition latestDefinition) {
    }

    record DryRunRequest(@NotBlank @Size(max = 64) String profileId, Map<String, Object> activity) {
    }

    @GetMapping(value = "/api/journeys/schema", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('agent', 'marketer', 'supervisor', 'admin') or hasAuthority('SCOPE_campaigns.enroll')")
    String schema() {
        return validator.schema();
    }

    @PutMapping("/api/journeys/{id:[a-z0-9][a-z0-9-]{0,63}}")
    JourneyView save(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        Journey saved = journeys.save(id, validator.validate(body), Actor.of(caller));
        return view(saved);
    }

    @PostMapping("/api/journeys/{id}/publish")
    JourneyView publish(@PathVariable String id, Authentication caller) {
        return view(journeys.publish(id, Actor.of(caller)));
    }

    @PostMapping("/api/journeys/{id}/{action:pause|resume|archive}")
    JourneyView state(@PathVariable String id, @PathVariable String action, Authentication caller) {
        String state = switch (action) {
            case "pause" -> "paused";
            case "resume" -> "active";
            default -> "archived";
        };
        return view(journeys.setState(id, state, Actor.of(caller)));
    }

    @GetMapping("/api/journeys")
    @PreAuthorize("hasAnyRole('agent', 'marketer', 'supervisor', 'admin')")
    List<Journey> list() {
        return journeys.all();
    }

    @GetMapping("/api/journeys/{id}")
    @PreAuthorize("hasAnyRole('agent', 'marketer', 'supervisor', 'admin')")
    JourneyView get(@PathVariable String id) {
        return view(journeys.require(id));
    }

    @PostMapping("/api/journeys/{id}/dry-run")
    List<DryRun.Line> dryRun(@PathVariable String id, @Valid @RequestBody DryRunRequest request) {
        Journey journey = journeys.require(id);
        int version = journey.activeVersion() > 0 ? journey.activeVersion() : journey.latestVersion();
        JourneyDefinition definition = journeys.definition(id, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such version"));
        return dryRun.simulate(definition, request.profileId(), request.activity() == null ? Map.of() : request.activity());
    }

    private JourneyView view(Journey j) {
        return new JourneyView(j, journeys.definition(j.id(), j.activeVersion()).orElse(null),
                journeys.definition(j.id(), j.latestVersion()).orElse(null));
    }
}
