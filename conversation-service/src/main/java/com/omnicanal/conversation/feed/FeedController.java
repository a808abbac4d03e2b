package com.omnicanal.conversation.feed;

import com.omnicanal.support.security.Actor;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The console's live feed (SSE): message, assignment, sla-warning and sla-breached events. */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
class FeedController {

    private final AgentFeed feed;

    FeedController(AgentFeed feed) {
        this.feed = feed;
    }

    @GetMapping(value = "/api/conversations/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter feed(Authentication staff) {
        boolean seesAll = staff.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_supervisor")
                || a.getAuthority().equals("ROLE_admin"));
        return feed.subscribe(Actor.username(staff), seesAll);
    }
}
