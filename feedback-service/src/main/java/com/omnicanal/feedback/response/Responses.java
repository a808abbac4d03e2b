package com.omnicanal.feedback.response;

import com.omnicanal.events.feedback.DetractorDetected;
import com.omnicanal.events.feedback.ResponseSubmitted;
import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.results.Dimensions;
import com.omnicanal.feedback.results.Scores;
import com.omnicanal.feedback.results.Stats;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import com.omnicanal.support.client.ServiceClients;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Records an answer once per invitation (following the skip logic, checking required questions and scales),
 * counts it in the pre-aggregated results, publishes it, and closes the loop: a detractor opens a recovery complaint
 * in conversation-service (which also holds promotions while it is open).
 */
@Service
public class Responses {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Stats stats;
    private final RestClient conversations;

    Responses(MongoTemplate mongo, EventOutbox outbox, Stats stats, ServiceClients clients,
              @Value("${omni.services.conversation-url}") String conversationUrl) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.stats = stats;
        this.conversations = clients.to(conversationUrl);
    }

    /** Thrown when the form breaks a rule (a required answer missing, a value off the scale): shown on the page. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    boolean answered(String token) {
        return mongo.findById(token, Response.class) != null;
    }

    /** Empty when the invitation was answered already. */
    public Optional<Response> submit(Invitation invitation, SurveyDefinition d, SurveyDefinition.Localized survey,
                              MultiValueMap<String, String> form) {
        Map<String, Object> answers = answers(survey.questions(), form);
        Integer score = "custom".equals(d.kind()) ? null : (Integer) answers.get(survey.questions().getFirst().id());
        String category = score == null ? "answered" : Scores.category(d.kind(), score);
        String comment = survey.questions().stream().filter(q -> q.type().equals("text")).map(q -> (String) answers.get(q.id()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Instant now = Instant.now();
        Response response = new Response(invitation.token(), invitation.surveyId(), invitation.version(),
                invitation.profileId(), d.kind(), score, category, answers, comment, invitation.channel(),
                invitation.conversationId(), invitation.agentId(), invitation.storeId(), null, now, null);
        try {
            outbox.publish(Response.COLLECTION, response.id(), new ResponseSubmitted(invitation.profileId(), response.id(),
                    invitation.surveyId(), invitation.version(), d.kind(), score, category, invitation.channel(),
                    invitation.conversationId(), invitation.agentId(), invitation.storeId(), now),
                    pending -> mongo.insert(withMarks(response, pending.ids())));
        } catch (DuplicateKeyException alreadyAnswered) {
            return Optional.empty();
        }
        List<String> dimensions = Dimensions.of(invitation.channel(), invitation.agentId());
        if (score != null) {
            stats.answer(invitation.surveyId(), dimensions, score, category, now);
        }
        stats.count(invitation.surveyId(), dimensions, "completed", now);
        if (score != null && Scores.detractor(d.kind(), score)) {
            closeTheLoop(response, d, now);
        }
        return Optional.of(response);
    }

    private void closeTheLoop(Response r, SurveyDefinition d, Instant now) {
        JsonNode complaint = conversations.post().uri("/api/conversations/complaints").body(Map.of(
                "requestId", "survey:" + r.id(), "profileId", r.profileId(), "category", "detractor",
                "severity", "high", "source", "survey " + r.surveyId(),
                "details", d.kind().toUpperCase() + " " + r.score() + (r.comment() == null ? "" : ": " + r.comment())))
                .retrieve().body(JsonNode.class);
        String complaintId = complaint.path("id").asString();
        outbox.publish(Response.COLLECTION, r.id(), new DetractorDetected(r.profileId(), r.id(), r.surveyId(), d.kind(),
                r.score(), complaintId, now), pending -> mongo.updateFirst(query(where("_id").is(r.id())),
                pending.mark(new Update().set("complaintId", complaintId)), Response.class));
    }

    /** The answers in order, following skipTo (answers to skipped questions are ignored). */
    private static Map<String, Object> answers(List<Question> questions, MultiValueMap<String, String> form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            List<String> values = form.getOrDefault("q_" + q.id(), List.of()).stream().filter(v -> !v.isBlank()).toList();
            if (values.isEmpty()) {
                if (q.required()) {
                    throw new Invalid("Please answer: " + q.text());
                }
                continue;
            }
            answers.put(q.id(), value(q, values));
            String skip = q.skipTo() == null ? null : q.skipTo().get(values.getFirst());
            if ("end".equals(skip)) {
                break;
            }
            if (skip != null) {
                for (int j = i + 1; j < questions.size(); j++) {
                    if (questions.get(j).id().equals(skip)) {
                        i = j - 1;
                        break;
                    }
                }
            }
        }
        return answers;
    }

    private static Object value(Question q, List<String> values) {
        List<String> allowed = q.type().equals("text") ? null : SurveyPage.options(q);
        if (allowed != null && !allowed.containsAll(values)) {
            throw new Invalid("Not an answer to: " + q.text());
        }
        return switch (q.type()) {
            case "rating" -> Integer.parseInt(values.getFirst());
            case "multiple" -> values;
            case "text" -> values.getFirst().length() > 2000 ? values.getFirst().substring(0, 2000) : values.getFirst();
            default -> values.getFirst();
        };
    }

    private static Response withMarks(Response r, java.util.Set<String> marks) {
        return new Response(r.id(), r.surveyId(), r.version(), r.profileId(), r.kind(), r.score(), r.category(),
                r.answers(), r.comment(), r.channel(), r.conversationId(), r.agentId(), r.storeId(), r.complaintId(),
                r.at(), marks);
    }
}
