package com.omnicanal.feedback.response;

import com.omnicanal.events.feedback.DetractorDetected;
import com.omnicanal.feedback.loop.Loop;
import com.omnicanal.support.client.ServiceClients;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.timer.TimerDue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The closed loop, off the answer's path: a detractor's timer (set when the answer was written) opens a recovery
 * complaint in conversation-service (idempotent on the answer) and publishes {@code detractor-detected} once.
 */
@Component
class LoopCloser {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final RestClient conversations;
    private final Loop loop;

    LoopCloser(MongoTemplate mongo, EventOutbox outbox, ServiceClients clients, Loop loop,
               @Value("${omni.services.conversation-url}") String conversationUrl) {
        this.mongo = mongo;
        this.loop = loop;
        this.outbox = outbox;
        this.conversations = clients.to(conversationUrl);
    }

    @EventListener
    void due(TimerDue due) {
        if (!AnswerBatcher.DETRACTOR.equals(due.subject())) {
            return;
        }
        Response r = mongo.findById(due.token(), Response.class);
        if (r == null || r.complaintId() != null) {
            return; // not written, or handled already
        }
        if (r.profileId() == null) {
            loop.detractor(r.channel(), r.themes(), r.at());
            return; // anonymous: counted, but there is no customer to call back
        }
        JsonNode complaint = conversations.post().uri("/api/conversations/complaints").body(Map.of(
                "requestId", "survey:" + r.id(), "profileId", r.profileId(), "category", "detractor",
                "severity", "high", "source", "survey " + r.surveyId(),
                "details", r.kind().toUpperCase() + " " + r.score() + (r.comment() == null ? "" : ": " + r.comment())))
                .retrieve().body(JsonNode.class);
        String complaintId = complaint.path("id").asString();
        loop.opened(complaintId, complaint.path("conversationId").asString(), r.id(), r.profileId(), r.surveyId(),
                r.channel(), r.themes(), r.at(), Instant.now());
        outbox.publish(Response.COLLECTION, r.id(), new DetractorDetected(r.profileId(), r.id(), r.surveyId(), r.kind(),
                r.score(), complaintId, Instant.now()), pending -> {
            long changed = mongo.updateFirst(query(where("_id").is(r.id()).and("complaintId").is(null)),
                    pending.mark(new Update().set("complaintId", complaintId)), Response.class).getModifiedCount();
            return changed == 1 ? changed : null;
        });
    }
}
