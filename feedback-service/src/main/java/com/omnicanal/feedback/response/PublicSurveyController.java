package com.omnicanal.feedback.response;

import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.invitation.InvitationLookup;
import com.omnicanal.feedback.results.Dimensions;
import com.omnicanal.feedback.results.Stats;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.Surveys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@code /s/<token>}: the public survey page (no login: the token is personal, single-use and expires) in the
 * customer's language, and its submission. An unknown token is 404, an expired one 410, a second answer 409.
 */
@RestController
class PublicSurveyController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final MongoTemplate mongo;
    private final InvitationLookup invitations;
    private final Surveys surveys;
    private final Responses responses;
    private final Stats stats;
    private final PartialAnswers partials;
    private final String brand;

    PublicSurveyController(MongoTemplate mongo, InvitationLookup invitations, Surveys surveys, Responses responses,
                           Stats stats, PartialAnswers partials,
                           @Value("${omni.feedback.brand:Omnicanal}") String brand) {
        this.mongo = mongo;
        this.invitations = invitations;
        this.partials = partials;
        this.surveys = surveys;
        this.responses = responses;
        this.stats = stats;
        this.brand = brand;
    }

    @GetMapping(value = "/s/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token, @RequestParam(required = false) String lang) {
        Invitation invitation = invitations.find(token).orElse(null);
        ResponseEntity<String> unusable = unusable(invitation, lang, true);
        if (unusable != null) {
            return unusable;
        }
        if (invitation.openedAt() == null && mongo.updateFirst(query(where("_id").is(token)),
                new Update().set("openedAt", Instant.now()), Invitation.class).getModifiedCount() == 1) {
            stats.count(invitation.surveyId(), Dimensions.of(invitation.channel(), invitation.agentId()), "opened", Instant.now());
        }
        String language = language(invitation, lang);
        return html(HttpStatus.OK, SurveyPage.personal(brand, localized(invitation, language), language, null,
                partials.of(token)));
    }

    @PostMapping(value = "/s/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> form) {
        Invitation invitation = invitations.find(token).orElse(null);
        String lang = form.getFirst("lang");
        ResponseEntity<String> unusable = unusable(invitation, lang, false); // a second answer fails on insert
        if (unusable != null) {
            return unusable;
        }
        String language = language(invitation, lang);
        SurveyDefinition definition = surveys.version(invitation.surveyId(), invitation.version()).orElseThrow();
        SurveyDefinition.Localized survey = localized(invitation, language);
        if ("save".equals(form.getFirst("action"))) { // a partial: kept, shown again, not a response
            if (responses.answered(token)) {
                return answeredAlready(language);
            }
            partials.save(invitation, survey, form);
            return html(HttpStatus.OK, SurveyPage.personal(brand, survey, language, null, partials.of(token)));
        }
        try {
            return responses.submit(invitation, definition, survey, form)
                    .map(r -> completed(survey, language))
                    .orElseGet(() -> answeredAlready(language));
        } catch (Responses.Invalid invalid) {
            return html(HttpStatus.BAD_REQUEST, SurveyPage.personal(brand, survey, language, invalid.getMessage(),
                    PartialAnswers.byQuestion(form)));
        }
    }

    private ResponseEntity<String> completed(SurveyDefinition.Localized survey, String language) {
        return html(HttpStatus.OK, SurveyPage.message(brand, survey.title(), survey.thanks() == null
                ? (language.equals("es") ? "¡Gracias por tu respuesta!" : "Thank you for your answer!")
                : survey.thanks(), language));
    }

    private ResponseEntity<String> unusable(Invitation invitation, String lang, boolean checkAnswered) {
        String language = lang == null ? "es" : lang;
        if (invitation == null || !"sent".equals(invitation.state())) {
            return html(HttpStatus.NOT_FOUND, SurveyPage.message(brand, "404", language.equals("es")
                    ? "Este enlace no existe." : "This link does not exist.", language));
        }
        if (invitation.isExpired(Instant.now())) {
            return html(HttpStatus.GONE, SurveyPage.message(brand, "410", language.equals("es")
                    ? "Esta encuesta ya ha caducado." : "This survey has expired.", language));
        }
        return checkAnswered && responses.answered(invitation.token()) ? answeredAlready(language) : null;
    }

    private ResponseEntity<String> answeredAlready(String language) {
        return html(HttpStatus.CONFLICT, SurveyPage.message(brand, "✓", language.equals("es")
                ? "Ya respondiste a esta encuesta. ¡Gracias!" : "You already answered this survey. Thank you!", language));
    }

    private String language(Invitation invitation, String lang) {
        var languages = surveys.version(invitation.surveyId(), invitation.version()).orElseThrow().languages();
        return lang != null && languages.containsKey(lang) ? lang : languages.containsKey("es") ? "es"
                : languages.keySet().iterator().next();
    }

    private SurveyDefinition.Localized localized(Invitation invitation, String language) {
        return surveys.version(invitation.surveyId(), invitation.version()).orElseThrow().languages().get(language);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }
}
