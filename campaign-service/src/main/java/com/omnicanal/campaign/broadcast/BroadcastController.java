package com.omnicanal.campaign.broadcast;

import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Marketers, supervisors and admins send a journey to a segment and follow, pause, resume or cancel it. */
@RestController
@PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
class BroadcastController {

    private final Broadcasts broadcasts;
    private final Recurrences recurrences;

    BroadcastController(Broadcasts broadcasts, Recurrences recurrences) {
        this.broadcasts = broadcasts;
        this.recurrences = recurrences;
    }

    record RecurringRequest(@NotBlank @Size(max = 64) String journeyId, @NotBlank @Size(max = 64) String segmentId,
                            @NotBlank @Size(max = 40) String every) {
    }

    /** Nurturing: the journey sent to the segment every period (ISO-8601, e.g. P7D), first run at once. */
    @PostMapping("/api/campaigns/recurring")
    @ResponseStatus(HttpStatus.CREATED)
    org.bson.Document recurring(@Valid @RequestBody RecurringRequest request, Authentication caller) {
        return recurrences.create(request.journeyId(), request.segmentId(), request.every(), Actor.of(caller));
    }

    @GetMapping("/api/campaigns/recurring/{id}")
    org.bson.Document recurring(@PathVariable String id) {
        return recurrences.find(id);
    }

    @PostMapping("/api/campaigns/recurring/{id}/stop")
    org.bson.Document stop(@PathVariable String id) {
        return recurrences.stop(id);
    }

    record StartRequest(@NotBlank @Size(max = 64) String journeyId, @NotBlank @Size(max = 64) String segmentId) {
    }

    @PostMapping("/api/campaigns/broadcasts")
    @ResponseStatus(HttpStatus.CREATED)
    Broadcast.Progress start(@Valid @RequestBody StartRequest request, Authentication caller) {
        return Broadcast.Progress.of(broadcasts.start(request.journeyId(), request.segmentId(), Actor.of(caller)),
                Instant.now());
    }

    @GetMapping("/api/campaigns/broadcasts/{id}")
    Broadcast.Progress get(@PathVariable String id) {
        return Broadcast.Progress.of(broadcasts.find(id), Instant.now());
    }

    @PostMapping("/api/campaigns/broadcasts/{id}/{action:pause|resume|cancel}")
    Broadcast.Progress change(@PathVariable String id, @PathVariable String action) {
        return Broadcast.Progress.of(broadcasts.change(id, action), Instant.now());
    }
}
