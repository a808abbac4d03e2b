package com.omnicanal.conversation.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import com.omnicanal.support.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

/** Outbound dispatch for agents and, with their own token, for campaign- and feedback-service. */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
class DispatchController {

    private final Dispatcher dispatcher;
    private final BatchDispatcher batches;

    DispatchController(Dispatcher dispatcher, BatchDispatcher batches) {
        this.dispatcher = dispatcher;
        this.batches = batches;
    }

    /** 200 when sent; 202 when refused or deferred, with the reasons and, if deferred, the earliest allowed time. */
    record DispatchResult(String requestId, String status, String channel, String kind, String form, String messageId,
                          String conversationId, List<String> decisions, Instant deferredUntil) {

        static DispatchResult of(Dispatch d) {
            return new DispatchResult(d.requestId(), d.status(), d.channel(), d.kind(), d.form(), d.messageId(),
                    d.conversationId(), d.decisions(), d.deferredUntil());
        }

        /** A batch item not handled now: {@code invalid} (as a single dispatch's 400) or {@code failed} (retry it). */
        static DispatchResult failed(String requestId, String status, String why) {
            return new DispatchResult(requestId, status, null, null, null, null, null, List.of(String.valueOf(why)), null);
        }
    }

    record BatchRequest(@NotEmpty @Size(max = 1000) List<@Valid DispatchRequest> requests) {
    }

    record BatchResult(List<DispatchResult> results) {
    }

    @PostMapping("/api/messages/dispatch")
    ResponseEntity<DispatchResult> dispatch(@Valid @RequestBody DispatchRequest request, Authentication caller) {
        String actor = Actor.of(caller);
        Dispatch dispatch = actor.startsWith("user:")
                ? dispatcher.dispatch(request, actor, Actor.username(caller))
                : dispatcher.dispatch(request, null, null);
        return ResponseEntity.status(Dispatcher.statusOf(dispatch)).body(DispatchResult.of(dispatch));
    }

    /** For services only: one answer per request, in order; each request is idempotent on its id as a single one. */
    @PostMapping("/api/messages/dispatch/batch")
    @PreAuthorize("hasAuthority('SCOPE_omni.internal')")
    BatchResult batch(@Valid @RequestBody BatchRequest request) throws InterruptedException {
        return new BatchResult(batches.dispatch(request.requests()));
    }

    @GetMapping("/api/messages/dispatch/{requestId}")
    DispatchResult get(@PathVariable String requestId) {
        return dispatcher.find(requestId).map(DispatchResult::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such dispatch"));
    }
}
