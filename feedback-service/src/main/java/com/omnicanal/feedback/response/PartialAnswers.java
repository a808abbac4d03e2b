package com.omnicanal.feedback.response;

import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.results.Dimensions;
import com.omnicanal.feedback.results.Stats;
import com.omnicanal.feedback.survey.SurveyDefinition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Answers saved as the respondent goes, by invitation token: shown again when the page is reopened, gone when the
 * survey is completed or the person erased. A partial is never a response: it counts only as {@code started}.
 */
@Component
class PartialAnswers {

    static final String COLLECTION = "partial_responses";
    private static final int MAX_TEXT = 2000;

    private final MongoTemplate mongo;
    private final Stats stats;

    PartialAnswers(MongoTemplate mongo, Stats stats) {
        this.mongo = mongo;
        this.stats = stats;
    }

    /** Keeps the answers given so far (to questions of this survey only, texts cut to size); the first save starts it. */
    void save(Invitation invitation, SurveyDefinition.Localized survey, MultiValueMap<String, String> form) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (SurveyDefinition.Question q : survey.questions()) {
            List<String> values = form.getOrDefault("q_" + q.id(), List.of()).stream().filter(v -> !v.isBlank())
                    .map(v -> v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v).limit(50).toList();
            if (!values.isEmpty()) {
                kept.put(q.id(), values);
            }
        }
        Instant now = Instant.now();
        boolean first = mongo.upsert(query(where("_id").is(invitation.token())), new Update().set("answers", kept)
                .set("surveyId", invitation.surveyId()).set("savedAt", now), COLLECTION).getMatchedCount() == 0;
        if (first) {
            stats.count(invitation.surveyId(), Dimensions.of(invitation.channel(), invitation.agentId()), "started", now);
        }
    }

    /** A submitted form's answers by question id (what was typed is shown again with the problem). */
    static Map<String, List<String>> byQuestion(MultiValueMap<String, String> form) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("q_")) {
                answers.put(name.substring(2), values);
            }
        });
        return answers;
    }

    @SuppressWarnings("unchecked")
    Map<String, List<String>> of(String token) {
        Document d = mongo.findById(token, Document.class, COLLECTION);
        return d == null ? Map.of() : (Map<String, List<String>>) (Map<?, ?>) d.get("answers", Document.class);
    }

    void forget(List<String> tokens) {
        if (!tokens.isEmpty()) {
            mongo.remove(query(where("_id").in(tokens)), COLLECTION);
        }
    }
}
