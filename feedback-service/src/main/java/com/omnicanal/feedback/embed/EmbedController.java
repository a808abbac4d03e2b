package com.omnicanal.feedback.embed;

import com.omnicanal.feedback.results.Dimensions;
import com.omnicanal.feedback.results.Stats;
import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.support.problem.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The web snippet ({@code /js/omni-survey.js}) and the in-app API: a survey marked {@code embeddable} is shown to a
 * signed-in customer (their token) or an anonymous visitor (a session this service signed), answered once each,
 * through the same answer path as the survey page.
 */
@RestController
class EmbedController {

    static final String VISITOR = "X-Omni-Visitor";

    private final EmbeddedAnswers answers;
    private final VisitorSessions sessions;
    private final Stats stats;
    private final byte[] snippet;

    EmbedController(EmbeddedAnswers answers, VisitorSessions sessions, Stats stats) throws IOException {
        this.answers = answers;
        this.sessions = sessions;
        this.stats = stats;
        this.snippet = new ClassPathResource("embed/omni-survey.js").getContentAsByteArray();
    }

    record Session(String visitor) {
    }

    record SurveyView(String surveyId, int version, String language, String title, List<SurveyDefinition.Question> questions,
                      String thanks) {
    }

    record AnswerRequest(@Size(max = 50) Map<String, Object> answers,
                         @Pattern(regexp = "[a-z]{2}", message = "a two-letter language code") String lang,
                         @Pattern(regexp = "web|app", message = "must be web or app") String channel) {
    }

    record Answered(String id, String surveyId, Instant at) {
    }

    @GetMapping(value = "/js/omni-survey.js", produces = "text/javascript")
    ResponseEntity<byte[]> snippet() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8)).body(snippet);
    }

    @PostMapping("/api/feedback/in-app/sessions")
    ResponseEntity<Session> session() {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Session(sessions.issue()));
    }

    @GetMapping("/api/feedback/in-app/surveys/{id}")
    SurveyView survey(@PathVariable String id, @RequestParam(required = false) String lang,
                      @RequestParam(defaultValue = "web") String channel) {
        Survey survey = answers.embeddable(id);
        String language = EmbeddedAnswers.language(survey.definition(), lang);
        SurveyDefinition.Localized l = survey.definition().languages().get(language);
        stats.count(id, Dimensions.of(channel(channel), null), "opened", Instant.now());
        return new SurveyView(id, survey.version(), language, l.title(), l.questions(), l.thanks());
    }

    @PostMapping("/api/feedback/in-app/surveys/{id}/responses")
    ResponseEntity<Answered> answer(@PathVariable String id, @Valid @RequestBody AnswerRequest request,
                                    @AuthenticationPrincipal Jwt customer,
                                    @RequestHeader(value = VISITOR, required = false) String visitor) {
        EmbeddedAnswers.Respondent who = customer != null ? answers.customer(customer)
                : sessions.verify(visitor).map(EmbeddedAnswers.Respondent::visitor).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in, or send the visitor session from "
                        + "POST /api/feedback/in-app/sessions in the " + VISITOR + " header"));
        if (request.answers() == null || request.answers().isEmpty()) {
            throw new InvalidRequestException("answers", "must not be empty");
        }
        String channel = channel(request.channel() == null ? "web" : request.channel());
        return answers.submit(answers.embeddable(id), who, request.answers(), request.lang(), channel)
                .map(r -> ResponseEntity.status(HttpStatus.CREATED).body(new Answered(r, id, Instant.now())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "already answered"));
    }

    private static String channel(String channel) {
        if (!"web".equals(channel) && !"app".equals(channel)) {
            throw new InvalidRequestException("channel", "must be web or app");
        }
        return channel;
    }
}
