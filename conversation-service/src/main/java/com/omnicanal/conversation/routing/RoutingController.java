package com.omnicanal.conversation.routing;

import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Supervisors and admins define teams and agents; agents set their own presence; supervisors watch the queue. */
@RestController
@PreAuthorize("hasAnyRole('supervisor', 'admin')")
class RoutingController {

    private final MongoTemplate mongo;
    private final Router router;
    private final Teams teams;

    RoutingController(MongoTemplate mongo, Router router, Teams teams) {
        this.mongo = mongo;
        this.router = router;
        this.teams = teams;
    }

    record TeamRequest(@NotBlank @Size(max = 100) String name, Set<String> channels, Set<String> topics,
                       @Size(max = 64) String calendarId) {
    }

    record AgentRequest(@NotBlank @Size(max = 100) String name, @Size(max = 20) Set<String> teams,
                        Set<@Pattern(regexp = "[a-z]{2}", message = "must be a language code like es") String> languages,
                        Set<String> channels, Set<String> topics, Map<String, @PositiveOrZero Integer> capacity) {
    }

    record PresenceRequest(@NotBlank @Pattern(regexp = "online|away|offline", message = "must be online, away or offline")
                           String presence) {
    }

    @PutMapping("/api/conversations/teams/{id:[a-z0-9][a-z0-9_-]{0,63}}")
    Team putTeam(@PathVariable String id, @Valid @RequestBody TeamRequest r) {
        Team saved = mongo.save(new Team(id, r.name(), nonNull(r.channels()), nonNull(r.topics()), r.calendarId()));
        teams.changed();
        return saved;
    }

    @GetMapping("/api/conversations/teams")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    List<Team> teams() {
        return mongo.findAll(Team.class);
    }

    @PutMapping("/api/conversations/agents/{id:[a-zA-Z0-9._@-]{1,100}}")
    Agent putAgent(@PathVariable String id, @Valid @RequestBody AgentRequest r) {
        for (String team : nonNull(r.teams())) {
            if (mongo.findById(team, Team.class) == null) {
                throw new com.omnicanal.support.problem.InvalidRequestException("teams", "no such team '" + team + "'");
            }
        }
        Agent existing = mongo.findById(id, Agent.class);
        router.agentsChanged();
        return mongo.save(new Agent(id, r.name(), nonNull(r.teams()), nonNull(r.languages()), nonNull(r.channels()),
                nonNull(r.topics()), r.capacity() == null ? Map.of("default", 3) : r.capacity(),
                existing == null ? "offline" : existing.presence(), existing == null ? Map.of() : existing.load()));
    }

    @GetMapping("/api/conversations/agents")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    List<Agent> agents() {
        return mongo.findAll(Agent.class);
    }

    @PutMapping("/api/conversations/agents/me/presence")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
    Map<String, String> presence(@Valid @RequestBody PresenceRequest r, Authentication me) {
        return setPresence(Actor.username(me), r);
    }

    /** A supervisor signs an agent in or out (e.g. one who left without doing it). */
    @PutMapping("/api/conversations/agents/{id:[a-zA-Z0-9._@-]{1,100}}/presence")
    Map<String, String> presenceOf(@PathVariable String id, @Valid @RequestBody PresenceRequest r) {
        return setPresence(id, r);
    }

    private Map<String, String> setPresence(String id, PresenceRequest r) {
        if (mongo.updateFirst(query(where("_id").is(id)), new Update().set("presence", r.presence()), Agent.class)
                .getMatchedCount() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "you are not set up as an agent");
        }
        router.agentsChanged();
        if (r.presence().equals("online")) {
            router.assignWaiting(Instant.now());
        }
        return Map.of("agent", id, "presence", r.presence());
    }

    @GetMapping("/api/conversations/queue")
    List<QueueEntry> queue() {
        return mongo.findAll(QueueEntry.class).stream()
                .sorted(Comparator.comparingInt(QueueEntry::priority).thenComparing(QueueEntry::enqueuedAt)).toList();
    }

    private static Set<String> nonNull(Set<String> values) {
        return values == null ? Set.of() : values;
    }
}
