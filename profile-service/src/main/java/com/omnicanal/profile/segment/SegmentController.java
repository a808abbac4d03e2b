package com.omnicanal.profile.segment;

import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Marketers define segments; campaigns read counts and stream members (NDJSON, one profile id per line, then an end
 * line with their count, so a reader tells a stream cut short from a smaller segment).
 */
@RestController
class SegmentController {

    private final Segments segments;

    SegmentController(Segments segments) {
        this.segments = segments;
    }

    record SegmentDefinition(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be a slug such as big-spenders")
                             String id, @NotBlank @Size(max = 200) String name, @Size(max = 1000) String description,
                             @Pattern(regexp = "all|any") String match, @NotEmpty @Size(max = 20) List<@Valid Condition> conditions) {
    }

    record SegmentView(String id, String name, String description, String match, List<Condition> conditions,
                       long memberCount, String state, Instant createdAt) {

        static SegmentView of(Segment s) {
            return new SegmentView(s.id(), s.name(), s.description(), s.match(), s.conditions(), s.memberCount(),
                    s.state(), s.createdAt());
        }
    }

    @PostMapping("/api/segments")
    @PreAuthorize("hasAnyRole('marketer', 'admin')")
    ResponseEntity<SegmentView> create(@Valid @RequestBody SegmentDefinition definition, Authentication caller) {
        Segment created = segments.create(definition.id(), definition.name(), definition.description(),
                definition.match(), definition.conditions(), Actor.of(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(SegmentView.of(created));
    }

    @GetMapping("/api/segments")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
    List<SegmentView> all() {
        return segments.all().stream().map(SegmentView::of).toList();
    }

    @GetMapping("/api/segments/{id}")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
    SegmentView one(@PathVariable String id) {
        return segments.find(id).map(SegmentView::of).orElseThrow(SegmentController::notFound);
    }

    @GetMapping(value = "/api/segments/{id}/members", produces = "application/x-ndjson")
    @PreAuthorize("hasAnyRole('marketer', 'admin') or hasAuthority('SCOPE_omni.internal')")
    ResponseEntity<StreamingResponseBody> members(@PathVariable String id) {
        segments.find(id).orElseThrow(SegmentController::notFound);
        StreamingResponseBody body = out -> {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            long count = 0;
            try (Stream<SegmentMember> members = segments.members(id)) {
                for (var it = members.iterator(); it.hasNext(); count++) {
                    writer.write("{\"profileId\":\"" + it.next().profileId() + "\"}\n");
                }
            }
            writer.write("{\"end\":true,\"members\":" + count + "}\n");
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such segment");
    }
}
