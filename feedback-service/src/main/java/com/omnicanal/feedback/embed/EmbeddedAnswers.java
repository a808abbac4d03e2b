package com.omnicanal.feedback.embed;

import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.invitation.Invitations;
import com.omnicanal.feedback.response.Responses;
import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.Surveys;
import com.omnicanal.support.client.ServiceClients;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An answer from the web or an app: keyed by survey and respondent (so each answers once: a second is a conflict),
 * written by the same group commit as the survey page, linked to the customer's profile when they are signed in.
 */
@Component
class EmbeddedAnswers {

    private final Surveys surveys;
    private final Responses responses;
    private final Invitations invitations;
    private final RestClient profiles;

    EmbeddedAnswers(Surveys surveys, Responses responses, Invitations invitations, ServiceClients clients,
                    @Value("${omni.services.profile-url}") String profileUrl) {
        this.surveys = surveys;
        this.responses = responses;
        this.invitations = invitations;
        this.profiles = clients.to(profileUrl);
    }

    /** Who answers: a customer's profile, or an anonymous visitor's signed id. */
    record Respondent(String key, String profileId) {

        static Respondent visitor(String id) {
            return new Respondent("visitor:" + id, null);
        }
    }

    /** A signed-in customer is their profile, as profile-service resolves their Keycloak account. */
    Respondent customer(Jwt jwt) {
        List<Map<String, Object>> identifiers = new ArrayList<>(List.of(Map.of("type", "keycloak", "value",
                jwt.getSubject(), "verified", true)));
        if (jwt.getClaimAsString("email") != null && Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"))) {
            identifiers.add(Map.of("type", "email", "value", jwt.getClaimAsString("email"), "verified", true));
        }
        JsonNode resolved = profiles.post().uri("/api/profiles/identify").body(Map.of("identifiers", identifiers,
                "source", "in-app-survey")).retrieve().body(JsonNode.class);
        String profileId = resolved.path("profileId").asString();
        return new Respondent("profile:" + profileId, profileId);
    }

    Survey embeddable(String id) {
        return surveys.find(id).filter(Survey::isActive).filter(s -> s.definition().isEmbeddable())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such survey"));
    }

    /** Empty when this respondent answered this survey already. */
    Optional<String> submit(Survey survey, Respondent who, Map<String, Object> given, String lang, String channel) {
        SurveyDefinition d = survey.definition();
        String language = language(d, lang);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        given.forEach((question, value) -> form.put("q_" + question, values(value)));
        form.set("lang", language);
        String id = "embed:" + survey.id() + ":" + digest(who.key());
        Invitation asked = new Invitation(id, survey.id(), survey.version(), who.profileId(), "embed", channel, null, null,
                null, null, "sent", List.of(), Instant.now(), null, null, null, null);
        Optional<String> answered;
        try {
            answered = responses.submit(asked, d, d.languages().get(language), form);
        } catch (Responses.Invalid invalid) {
            throw new InvalidRequestException("answers", invalid.getMessage());
        }
        if (answered.isPresent() && who.profileId() != null) {
            invitations.linkAnswer(who.profileId(), id); // the export and erasure find it
        }
        return answered;
    }

    static String language(SurveyDefinition d, String asked) {
        return asked != null && d.languages().containsKey(asked) ? asked : d.languages().containsKey("es") ? "es"
                : d.languages().keySet().iterator().next();
    }

    private static List<String> values(Object value) {
        if (value instanceof Collection<?> many) {
            return many.stream().limit(50).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** The respondent's key, hashed: response ids must not carry a visitor's session or a profile id in clear. */
    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
