package com.omnicanal.feedback.response;

import com.omnicanal.feedback.comment.Themes;
import com.omnicanal.feedback.results.Scores;
import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.Surveys;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Historical answers from another tool (NDJSON, one answer a line): checked whole first (a bad line is a 400 naming
 * it, nothing written), then written and counted by the same group commit as live answers, without events.
 */
@RestController
class ResponseImport {

    private final Surveys surveys;
    private final AnswerBatcher batcher;
    private final JsonMapper json;
    private final Themes themes;

    ResponseImport(Surveys surveys, AnswerBatcher batcher, JsonMapper json, Themes themes) {
        this.themes = themes;
        this.surveys = surveys;
        this.batcher = batcher;
        this.json = json;
    }

    record ImportedAnswer(Instant at, Integer score, String channel, String agent, String team, String store,
                          String comment, String language) {
    }

    record ImportResult(int imported, int duplicates) {
    }

    @PostMapping(value = "/api/feedback/surveys/{id}/responses/import", consumes = "application/x-ndjson")
    @PreAuthorize("hasRole('admin')")
    ImportResult importAnswers(@PathVariable String id, @RequestBody String body) {
        Survey survey = surveys.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such survey"));
        SurveyDefinition.Question scored = survey.definition().languages().values().iterator().next().questions().getFirst();
        List<Response> responses = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length && problems.size() < 20; i++) {
            if (!lines[i].isBlank()) {
                read(survey, scored, lines[i], "line " + (i + 1), responses, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        int written = batcher.importAll(responses).size();
        return new ImportResult(written, responses.size() - written);
    }

    private void read(Survey survey, SurveyDefinition.Question scored, String line, String where, List<Response> into,
                      List<InvalidField> problems) {
        ImportedAnswer a;
        try {
            a = json.readValue(line, ImportedAnswer.class);
        } catch (RuntimeException e) {
            problems.add(new InvalidField(where, "not a JSON answer"));
            return;
        }
        String kind = survey.definition().kind();
        if (a.at() == null || (!"custom".equals(kind) && (a.score() == null || a.score() < scored.min() || a.score() > scored.max()))) {
            problems.add(new InvalidField(where, "needs at and a score from " + scored.min() + " to " + scored.max()));
            return;
        }
        if (a.comment() != null && a.comment().length() > 2000) {
            problems.add(new InvalidField(where + ".comment", "at most 2000 characters"));
            return;
        }
        String category = a.score() == null ? "answered" : Scores.category(kind, a.score());
        into.add(new Response("import:" + UUID.randomUUID(), survey.id(), survey.version(), null, kind, a.score(), category,
                a.score() == null ? Map.of() : Map.of(scored.id(), a.score()), a.comment(), a.channel(), null, a.agent(),
                a.team(), a.store(), null, a.at(), themes.of(a.language() == null ? "es" : a.language(), a.comment()), null));
    }
}
