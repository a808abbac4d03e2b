package com.omnicanal.feedback.survey;

import com.omnicanal.feedback.results.Stats;
import com.omnicanal.support.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** Supervisors, marketers and admins design surveys; staff read them and their pre-aggregated results. */
@RestController
@PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
class SurveyController {

    private final Surveys surveys;
    private final Stats stats;

    SurveyController(Surveys surveys, Stats stats) {
        this.surveys = surveys;
        this.stats = stats;
    }

    @PutMapping("/api/surveys/{id:[a-z0-9][a-z0-9-]{0,63}}")
    Survey save(@PathVariable String id, @RequestBody SurveyDefinition definition) {
        return surveys.save(id, definition);
    }

    @GetMapping("/api/surveys")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    List<Survey> list() {
        return surveys.all();
    }

    @GetMapping("/api/surveys/{id}")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    Survey get(@PathVariable String id) {
        return surveys.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such survey"));
    }

    /** Supervisors read every agent's scores; an agent only their own ({@code agent=<their username>}). */
    private static void ownScoresOnly(Period period, Authentication caller) {
        boolean staff = caller.getAuthorities().stream().anyMatch(a -> List.of("ROLE_supervisor", "ROLE_marketer",
                "ROLE_admin").contains(a.getAuthority()));
        if (!staff && !Actor.username(caller).equals(period.agent())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "agents read their own scores: agent=<your username>");
        }
    }

    /**
     * NPS / CSAT % / CES mean with counts and a 95 % margin, for a period (at most 366 days), overall or for one
     * channel, agent, team or store.
     */
    @GetMapping("/api/feedback/surveys/{id}/summary")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    Stats.Summary summary(@PathVariable String id, Period period, Authentication caller) {
        ownScoresOnly(period, caller);
        Survey survey = get(id);
        return stats.summary(id, survey.definition().kind(), period.dimension(), period.start(), period.end());
    }

    /** The same, one point per day, for trend charts. */
    @GetMapping("/api/feedback/surveys/{id}/series")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    List<Stats.Summary> series(@PathVariable String id, Period period, Authentication caller) {
        ownScoresOnly(period, caller);
        Survey survey = get(id);
        return stats.series(id, survey.definition().kind(), period.dimension(), period.start(), period.end());
    }
}
