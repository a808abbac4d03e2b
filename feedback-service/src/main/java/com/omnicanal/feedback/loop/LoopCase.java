package com.omnicanal.feedback.loop;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One detractor's recovery case (keyed by its complaint in conversation-service) and how it went. */
@Document("loop_cases")
record LoopCase(@Id String complaintId, String conversationId, String responseId, String profileId, String surveyId,
                String channel, java.util.List<String> themes, Instant detractorAt, Instant openedAt, Instant firstContactAt, Instant resolvedAt,
                Integer resurveyScore, Boolean recovered) {
}
