package com.omnicanal.feedback.response;

import com.omnicanal.feedback.comment.Themes;
import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.loop.Loop;
import com.omnicanal.feedback.results.Scores;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Records an answer once per invitation (following the skip logic, checking required questions and scales); the
 * group commit counts it in the pre-aggregated results and publishes it, and a detractor's timer closes the loop.
 */
@Service
public class Responses {

    private final MongoTemplate mongo;
    private final AnswerBatcher batcher;
    private final Loop loop;
    private final Themes themes;

    Responses(MongoTemplate mongo, AnswerBatcher batcher, Loop loop, Themes themes) {
        this.mongo = mongo;
        this.themes = themes;
        this.batcher = batcher;
        this.loop = loop;
    }

    /** Thrown when the form breaks a rule (a required answer missing, a value off the scale): shown on the page. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    boolean answered(String token) {
        return mongo.exists(query(where("_id").is(token)), Response.class);
    }

    /** Throws {@link Invalid} when the form breaks a rule; writes nothing. */
    public static void check(SurveyDefinition.Localized survey, MultiValueMap<String, String> form) {
        answers(survey.questions(), form);
    }

    /** Empty when the invitation was answered already. */
    public Optional<String> submit(Invitation invitation, SurveyDefinition d, SurveyDefinition.Localized survey,
                                   MultiValueMap<String, String> form) {
        Map<String, Object> answers = answers(survey.questions(), form);
        Integer score = "custom".equals(d.kind()) ? null : (Integer) answers.get(survey.questions().getFirst().id());
        String category = score == null ? "answered" : Scores.category(d.kind(), score);
        String comment = survey.questions().stream().filter(q -> q.type().equals("text")).map(q -> (String) answers.get(q.id()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Response response = new Response(invitation.token(), invitation.surveyId(), invitation.version(),
                invitation.profileId(), d.kind(), score, category, answers, comment, invitation.channel(),
                invitation.conversationId(), invitation.agentId(), invitation.teamId(), invitation.storeId(), null,
                Instant.now(), themes.of(language(d, form), comment), null);
        if (!batcher.record(response)) {
            return Optional.empty();
        }
        if ("complaint-resolved".equals(invitation.trigger())) {
            loop.resurveyed(invitation.profileId(), d.kind(), score); // the recovery survey: was the customer won back?
        }
        return Optional.of(response.id());
    }

    /** The language answered in (the page's), else Spanish when the survey has it, else its first. */
    private static String language(SurveyDefinition d, MultiValueMap<String, String> form) {
        String asked = form.getFirst("lang");
        return asked != null && d.languages().containsKey(asked) ? asked : d.languages().containsKey("es") ? "es"
                : d.languages().keySet().iterator().next();
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
}
