package com.omnicanal.feedback.touchpoint;

import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.invitation.Invitations;
import com.omnicanal.feedback.response.Responses;
import com.omnicanal.feedback.response.SurveyPage;
import com.omnicanal.feedback.results.Dimensions;
import com.omnicanal.feedback.results.Stats;
import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.Surveys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /q/<code>}: the public, mobile-first survey page a touchpoint's QR code opens, tagged with its store; the
 * respondent may leave a phone or e-mail, with explicit consent, to be identified. Rate-limited per client (429).
 */
@RestController
class QrSurveyController {

    private final Touchpoints touchpoints;
    private final Surveys surveys;
    private final Responses responses;
    private final Respondents respondents;
    private final Stats stats;
    private final ClientRateLimit limit;
    private final Invitations invitations;
    private final String brand;

    QrSurveyController(Touchpoints touchpoints, Surveys surveys, Responses responses, Respondents respondents,
                       Stats stats, ClientRateLimit limit, Invitations invitations,
                       @Value("${omni.feedback.brand:Omnicanal}") String brand) {
        this.invitations = invitations;
        this.touchpoints = touchpoints;
        this.surveys = surveys;
        this.responses = responses;
        this.respondents = respondents;
        this.stats = stats;
        this.limit = limit;
        this.brand = brand;
    }

    @GetMapping(value = "/q/{code}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> page(@PathVariable String code, @RequestParam(required = false) String lang,
                           HttpServletRequest request) {
        long wait = limit.secondsToWait(request);
        if (wait > 0) {
            return tooMany(wait);
        }
        Optional<Survey> survey = survey(code);
        if (survey.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, SurveyPage.message(brand, "404", "Este código no existe. · This code does not exist.", "es"));
        }
        Touchpoint touchpoint = touchpoints.find(code).orElseThrow();
        stats.count(survey.get().id(), Dimensions.of("qr", null, null, touchpoint.storeId()), "opened", Instant.now());
        String language = QrPageText.language(survey.get().definition(), lang);
        return html(HttpStatus.OK, SurveyPage.form(brand, localized(survey.get(), language), language, null,
                QrPageText.identification(language, touchpoint)));
    }

    @PostMapping(value = "/q/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> answer(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
                             HttpServletRequest request) {
        long wait = limit.secondsToWait(request);
        if (wait > 0) {
            return tooMany(wait);
        }
        Optional<Survey> found = survey(code);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, SurveyPage.message(brand, "404", "Este código no existe. · This code does not exist.", "es"));
        }
        Survey survey = found.get();
        Touchpoint touchpoint = touchpoints.find(code).orElseThrow();
        String language = QrPageText.language(survey.definition(), form.getFirst("lang"));
        SurveyDefinition.Localized localized = localized(survey, language);
        try {
            Responses.check(localized, form); // every problem before anything is written (profiles included)
            String profileId = identify(form, language);
            Invitation scan = new Invitation("qr:" + UUID.randomUUID(), survey.id(), survey.version(), profileId, "qr",
                    "qr", null, null, null, touchpoint.storeId(), "sent", List.of(), Instant.now(), null, null, null, null);
            responses.submit(scan, survey.definition(), localized, form);
            if (profileId != null) {
                invitations.linkAnswer(profileId, scan.token()); // erasure finds it
            }
            return html(HttpStatus.OK, SurveyPage.message(brand, localized.title(), localized.thanks() == null
                    ? QrPageText.thanks(language) : localized.thanks(), language));
        } catch (Responses.Invalid invalid) {
            return html(HttpStatus.BAD_REQUEST, SurveyPage.form(brand, localized, language, invalid.getMessage(),
                    QrPageText.identification(language, touchpoint)));
        }
    }

    /** Null unless a contact was left with consent; a contact without consent (or not a phone or e-mail) is refused. */
    private String identify(MultiValueMap<String, String> form, String language) {
        String contact = Optional.ofNullable(form.getFirst("contact")).map(String::trim).orElse("");
        if (contact.isEmpty()) {
            return null;
        }
        if (Respondents.type(contact) == null) {
            throw new Responses.Invalid(QrPageText.badContact(language));
        }
        if (!"yes".equals(form.getFirst("consent"))) {
            throw new Responses.Invalid(QrPageText.consentMissing(language));
        }
        return respondents.identify(contact, language);
    }

    private Optional<Survey> survey(String code) {
        return touchpoints.find(code).flatMap(t -> surveys.find(t.surveyId())).filter(Survey::isActive);
    }

    private static SurveyDefinition.Localized localized(Survey survey, String language) {
        return survey.definition().languages().get(language);
    }

    private static ResponseEntity<ProblemDetail> tooMany(long seconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many survey requests from this device; try again in " + seconds + " s.");
        problem.setType(URI.create("urn:omnicanal:problem:rate-limited"));
        problem.setTitle("Too Many Requests");
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", String.valueOf(seconds)).body(problem);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(body);
    }
}
