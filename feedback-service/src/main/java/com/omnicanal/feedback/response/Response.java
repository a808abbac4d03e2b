package com.omnicanal.feedback.response;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** An answer, keyed by its invitation's token (so one invitation is answered once), with the version it answered. */
@Document(Response.COLLECTION)
record Response(@Id String id, String surveyId, int version, String profileId, String kind, Integer score,
                String category, Map<String, Object> answers, String comment, String channel, String conversationId,
                String agentId, String teamId, String storeId, String complaintId, Instant at, java.util.List<String> themes,
                @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "responses";

    Response withMarks(Set<String> marks) {
        return new Response(id, surveyId, version, profileId, kind, score, category, answers, comment, channel,
                conversationId, agentId, teamId, storeId, complaintId, at, themes, marks);
    }

    boolean detractor() {
        return score != null && com.omnicanal.feedback.results.Scores.detractor(kind, score);
    }
}
