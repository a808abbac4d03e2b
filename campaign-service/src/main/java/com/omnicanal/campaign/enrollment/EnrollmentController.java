package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Enrolments: staff (or a partner with {@code campaigns.enroll}) enrol a customer; anyone working with the customer
 * reads an enrolment with its whole history — the answer to "why did this customer get that message?".
 */
@RestController
class EnrollmentController {

    private final Enrollments enrollments;
    private final Journeys journeys;
    private final Engine engine;
    private final MongoTemplate mongo;
    private final Dispositions dispositions;
    private final Migrations migrations;

    EnrollmentController(Enrollments enrollments, Journeys journeys, Engine engine, MongoTemplate mongo,
                         Dispositions dispositions, Migrations migrations) {
        this.migrations = migrations;
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.engine = engine;
        this.mongo = mongo;
        this.dispositions = dispositions;
    }

    record EnrolRequest(@NotBlank @Size(max = 64) String profileId, @NotBlank @Size(max = 100) String requestId,
                        @Size(max = 20) Map<String, Object> context) {
    }

    @PostMapping("/api/journeys/{id}/enrollments")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin') or hasAuthority('SCOPE_campaigns.enroll')")
    ResponseEntity<Enrollment> enrol(@PathVariable String id, @Valid @RequestBody EnrolRequest request,
                                     Authentication caller) {
        Journey journey = journeys.require(id);
        if (!journey.isActive()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the journey is " + journey.state() + ", not active");
        }
        var definition = journeys.definition(id, journey.activeVersion()).orElseThrow();
        return enrollments.enroll(journey, definition, request.profileId(), "manual:" + request.requestId(),
                        request.context() == null ? Map.of() : request.context(), Actor.of(caller), Instant.now())
                .map(e -> {
                    engine.run(e.id());
                    return ResponseEntity.status(HttpStatus.CREATED).body(enrollments.find(e.id()).orElseThrow());
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.OK).body(null));
    }

    record MigrationRequest(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Positive Integer fromVersion,
                            @jakarta.validation.constraints.Positive Integer toVersion,
                            @Size(max = 200) Map<String, String> mapping) {
    }

    /** Moves the customers still in one version to another (by default the active one), explicitly. */
    @PostMapping("/api/journeys/{id}/migrations")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
    Migrations.Result migrate(@PathVariable String id, @Valid @RequestBody MigrationRequest request, Authentication caller) {
        journeys.require(id);
        return migrations.migrate(id, request.fromVersion(), request.toVersion(), request.mapping(), Actor.of(caller));
    }

    @GetMapping("/api/campaigns/enrollments/{id}")
    @PreAuthorize("hasAnyRole('agent', 'marketer', 'supervisor', 'admin')")
    Enrollment get(@PathVariable String id) {
        return enrollments.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no such enrolment"));
    }

    @GetMapping(value = "/api/campaigns/enrollments", params = "profileId")
    @PreAuthorize("hasAnyRole('agent', 'marketer', 'supervisor', 'admin')")
    List<Enrollment> ofProfile(@RequestParam String profileId) {
        return enrollments.ofProfile(profileId);
    }

    record Disposition(@NotBlank @jakarta.validation.constraints.Pattern(regexp = "contacted-interested|contacted-not-interested"
            + "|no-answer|busy|wrong-number|call-back|do-not-call", message = "must be a known call outcome") String disposition,
                       Instant callBackAt, @Size(max = 2000) String note) {
    }

    /** The agent's outcome of a call task; the journey's rules act on it (retry at another hour, revoke consent…). */
    @PostMapping("/api/campaigns/tasks/{id}/disposition")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    Document dispose(@PathVariable String id, @Valid @RequestBody Disposition d, Authentication agent) {
        return dispositions.complete(id, d.disposition(), d.callBackAt(), d.note(), Actor.of(agent));
    }

    @GetMapping("/api/campaigns/tasks")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    List<Document> tasks(@RequestParam(required = false) String team) {
        var q = query(where("state").is("open"));
        if (team != null) {
            q.addCriteria(where("team").is(team));
        }
        return mongo.find(q, Document.class, "tasks");
    }
}
