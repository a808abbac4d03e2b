package com.omnicanal.profile.identity;

import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;

/** Identity resolution for channels and partners; merges and their undoing for supervisors and admins. */
@RestController
@RequestMapping("/api/profiles")
class IdentityController {

    static final int MAX_BATCH = 500;

    private final IdentityResolver resolver;
    private final Merges merges;
    private final BulkIdentify batches;

    IdentityController(IdentityResolver resolver, Merges merges, BulkIdentify batches) {
        this.resolver = resolver;
        this.merges = merges;
        this.batches = batches;
    }

    record MergeRequest(String sourceProfileId) {
    }

    record UnmergeRequest(String mergeId) {
    }

    record MergeView(String mergeId, String state, String targetProfileId, String sourceProfileId, String reason,
                     List<String> movedIdentifierTypes, java.time.Instant at, java.time.Instant undoneAt,
                     String undoneBy) {

        static MergeView of(MergeRecord m) {
            return new MergeView(m.id(), m.state().name().toLowerCase(), m.targetId(), m.sourceId(),
                    m.reason().toString(), m.movedKeys().stream().map(MergeView::typeOf).distinct().toList(),
                    m.at(), m.undoneAt(), m.undoneBy());
        }

        /** Keys are {@code type:value}; only {@code external:<partner>} types contain a colon themselves. */
        private static String typeOf(String key) {
            int from = key.startsWith(IdentifierType.EXTERNAL_PREFIX) ? IdentifierType.EXTERNAL_PREFIX.length() : 0;
            return key.substring(0, key.indexOf(':', from));
        }
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    ResponseEntity<IdentifyResponse> create(@Valid @RequestBody CreateProfileRequest request, Authentication caller) {
        IdentifyResponse resolved = resolver.identify(request.asIdentify(), Actor.of(caller));
        if (!resolved.created()) {
            throw new ProfileExistsException(resolved.profileId());
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(resolved.profileId()).toUri()).body(resolved);
    }

    @GetMapping(params = "identifier")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    IdentifyResponse findByIdentifier(@RequestParam String identifier) {
        return resolver.lookup(identifier).map(id -> new IdentifyResponse(id, false, List.of(),
                        List.of(), List.of()))
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no profile with that identifier"));
    }

    @PostMapping("/identify")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin', 'partner') or hasAuthority('SCOPE_omni.internal')")
    IdentifyResponse identify(@Valid @RequestBody IdentifyRequest request, Authentication caller) {
        List<InvalidField> problems = partnerProblems(request, caller, "");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return resolver.identify(request, Actor.of(caller));
    }

    /** Up to {@value #MAX_BATCH} identify requests in one call (a channel's inbound batch, a partner's import). */
    record IdentifyBatch(@NotEmpty @Size(max = MAX_BATCH) List<@Valid IdentifyRequest> requests) {
    }

    record IdentifyBatchResult(List<IdentifyResponse> results) {
    }

    /**
     * Each request resolved as {@link #identify} would, in order, one answer each (in bulk where that is the same, see
     * {@link BulkIdentify}); every request is checked before
     * any is resolved (a 400 names each problem and resolves none). Identify is idempotent: a batch cut short (a 409
     * for identifiers changing concurrently) may be sent again whole.
     */
    @PostMapping("/identify/batch")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin', 'partner') or hasAuthority('SCOPE_omni.internal')")
    IdentifyBatchResult identifyAll(@Valid @RequestBody IdentifyBatch batch, Authentication caller) {
        List<InvalidField> problems = new ArrayList<>();
        for (int i = 0; i < batch.requests().size(); i++) {
            IdentifyRequest request = batch.requests().get(i);
            String at = "requests[" + i + "]";
            problems.addAll(partnerProblems(request, caller, at + "."));
            problems.addAll(resolver.problems(request.identifiers(), at));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new IdentifyBatchResult(batches.identifyAll(batch.requests(), Actor.of(caller)));
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAnyRole('supervisor', 'admin')")
    ResponseEntity<MergeView> merge(@PathVariable String id, @RequestBody MergeRequest request, Authentication caller) {
        if (request == null || request.sourceProfileId() == null || request.sourceProfileId().isBlank()) {
            throw new InvalidRequestException("sourceProfileId", "must name the profile to merge into " + id);
        }
        MergeRecord.Reason reason = new MergeRecord.Reason(null, "manual merge", Actor.of(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(MergeView.of(merges.merge(request.sourceProfileId(), id, reason)));
    }

    @PostMapping("/{id}/unmerge")
    @PreAuthorize("hasAnyRole('supervisor', 'admin')")
    MergeView unmerge(@PathVariable String id, @RequestBody(required = false) UnmergeRequest request,
                      Authentication caller) {
        return MergeView.of(merges.unmerge(id, request == null ? null : request.mergeId(), Actor.of(caller)));
    }

    @GetMapping("/merges/{mergeId}")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    MergeView merge(@PathVariable String mergeId) {
        return merges.find(mergeId).map(MergeView::of)
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no such merge"));
    }

    /** A partner may only use its own {@code external:<client>} identifiers; others are not its to assert. */
    private static List<InvalidField> partnerProblems(IdentifyRequest request, Authentication caller, String path) {
        boolean partner = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_partner"));
        String own = "external:" + Actor.client(caller);
        List<InvalidField> problems = new ArrayList<>();
        for (int i = 0; partner && i < request.identifiers().size(); i++) {
            String type = request.identifiers().get(i).type();
            if (type.startsWith("external:") && !type.equals(own)) {
                problems.add(new InvalidField(path + "identifiers[" + i + "].type", "a partner may only use " + own));
            }
        }
        return problems;
    }
}
