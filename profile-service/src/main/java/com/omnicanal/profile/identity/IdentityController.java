package com.omnicanal.profile.identity;

import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
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

/** Identity resolution for channels and partners; merges and their undoing for supervisors and admins. */
@RestController
@RequestMapping("/api/profiles")
class IdentityController {

    private final IdentityResolver resolver;
    private final Merges merges;

    IdentityController(IdentityResolver resolver, Merges merges) {
        this.resolver = resolver;
        this.merges = merges;
    }

    record MergeRequest(String sourceProfileId) {
    }

    record UnmergeRequest(String mergeId) {
    }

    record MergeView(String mergeId, String state, String targetProfileId, String sourceProfileId, String reason,
                     java.util.List<String> movedIdentifierTypes, java.time.Instant at, java.time.Instant undoneAt,
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
        return resolver.lookup(identifier).map(id -> new IdentifyResponse(id, false, java.util.List.of(),
                        java.util.List.of(), java.util.List.of()))
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no profile with that identifier"));
    }

    @PostMapping("/identify")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin', 'partner') or hasAuthority('SCOPE_omni.internal')")
    IdentifyResponse identify(@Valid @RequestBody IdentifyRequest request, Authentication caller) {
        guardPartnerScope(request, caller);
        return resolver.identify(request, Actor.of(caller));
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
    private static void guardPartnerScope(IdentifyRequest request, Authentication caller) {
        boolean partner = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_partner"));
        String own = "external:" + Actor.client(caller);
        for (int i = 0; partner && i < request.identifiers().size(); i++) {
            String type = request.identifiers().get(i).type();
            if (type.startsWith("external:") && !type.equals(own)) {
                throw new InvalidRequestException("identifiers[" + i + "].type", "a partner may only use " + own);
            }
        }
    }
}
