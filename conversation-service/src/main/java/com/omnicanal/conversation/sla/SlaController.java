package com.omnicanal.conversation.sla;

import com.omnicanal.support.problem.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** SLA policies and business-hours calendars (supervisors and admins), and a conversation's clocks (staff). */
@RestController
@PreAuthorize("hasAnyRole('supervisor', 'admin')")
class SlaController {

    private final MongoTemplate mongo;
    private final Calendars calendars;
    private final SlaClocks clocks;

    SlaController(MongoTemplate mongo, Calendars calendars, SlaClocks clocks) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.clocks = clocks;
    }

    record PolicyRequest(@Min(0) @Max(2) Integer priority, String channel, Duration firstResponse, Duration nextResponse,
                         Duration resolution, String calendarId, Duration warnBefore) {
    }

    @PutMapping("/api/conversations/calendars/{id:[a-z0-9][a-z0-9_-]{0,63}}")
    CalendarDefinition putCalendar(@PathVariable String id, @RequestBody CalendarDefinition definition) {
        calendars.save(id, definition);
        return definition;
    }

    @GetMapping("/api/conversations/calendars/{id}")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    CalendarDefinition calendar(@PathVariable String id) {
        return calendars.definition(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "no such calendar"));
    }

    @PutMapping("/api/conversations/sla-policies/{id:[a-z0-9][a-z0-9_-]{0,63}}")
    SlaPolicy putPolicy(@PathVariable String id, @Valid @RequestBody PolicyRequest r) {
        if (r.firstResponse() == null && r.nextResponse() == null && r.resolution() == null) {
            throw new InvalidRequestException("firstResponse", "a policy needs at least one target");
        }
        for (Duration d : new Duration[]{r.firstResponse(), r.nextResponse(), r.resolution(), r.warnBefore()}) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new InvalidRequestException("firstResponse", "targets and warnings must be positive durations");
            }
        }
        if (r.calendarId() != null && calendars.definition(r.calendarId()).isEmpty()) {
            throw new InvalidRequestException("calendarId", "no such calendar");
        }
        SlaPolicy saved = mongo.save(new SlaPolicy(id, r.priority(), r.channel(), r.firstResponse(), r.nextResponse(),
                r.resolution(), r.calendarId(), r.warnBefore()));
        clocks.policiesChanged();
        return saved;
    }

    @GetMapping("/api/conversations/sla-policies")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    List<SlaPolicy> policies() {
        return mongo.findAll(SlaPolicy.class);
    }

    @GetMapping("/api/conversations/{id}/sla")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    List<SlaClock> clocks(@PathVariable String id) {
        return mongo.find(query(where("conversationId").is(id)), SlaClock.class);
    }
}
