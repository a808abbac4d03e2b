package com.omnicanal.conversation.dispatch;

import jakarta.validation.Valid;
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

    DispatchController(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** 200 when sent; 202 when refused or deferred, with the reasons and, if deferred, the earliest allowed time. */
    record DispatchResult(String requestId, String status, String channel, String kind, String messageId,
                          String conversationId, List<String> decisions, Instant deferredUntil) {

        static DispatchResult of(Dispatch d) {
            return new DispatchResult(d.requestId(), d.status(), d.channel(), d.kind(), d.messageId(),
                    d.conversationId(), d.decisions(), d.deferredUntil());
        }
    }

    @PostMapping("/api/messages/dispatch")
    ResponseEntity<DispatchResult> dispatch(@Valid @RequestBody DispatchRequest request, Authentication caller) {
        String actor = Actor.of(caller);
        Dispatch dispatch = actor.startsWith("user:")
                ? dispatcher.dispatch(request, actor, Actor.username(caller))
                : dispatcher.dispatch(request, null, null);
        return ResponseEntity.status(Dispatcher.statusOf(dispatch)).body(DispatchResult.of(dispatch));
    }

    @GetMapping("/api/messages/dispatch/{requestId}")
    DispatchResult get(@PathVariable String requestId) {
        return dispatcher.find(requestId).map(DispatchResult::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such dispatch"));
    }
}
