package com.omnicanal.campaign.enrollment;

import com.omnicanal.support.client.ServiceClients;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What an agent's call outcome sets in motion, recorded on the enrolment: no answer or busy → the call is tried
 * again at another hour, up to the attempts allowed, then the task closes as unreachable by phone; call back → a task
 * at that time; do not call → the phone consent is revoked in profile-service; everything else is recorded.
 */
@Component
class Dispositions {

    private final MongoTemplate mongo;
    private final Enrollments enrollments;
    private final RestClient profiles;
    private final Duration retryAfter;
    private final int maxAttempts;

    Dispositions(MongoTemplate mongo, Enrollments enrollments, ServiceClients clients,
                 @Value("${omni.services.profile-url}") String profileUrl,
                 @Value("${omni.tasks.retry-after:PT3H}") Duration retryAfter,
                 @Value("${omni.tasks.max-attempts:3}") int maxAttempts) {
        this.mongo = mongo;
        this.enrollments = enrollments;
        this.profiles = clients.to(profileUrl);
        this.retryAfter = retryAfter;
        this.maxAttempts = maxAttempts;
    }

    Document complete(String taskId, String disposition, Instant callBackAt, String note, String agent) {
        Document task = mongo.findById(taskId, Document.class, "tasks");
        if (task == null || !"open".equals(task.getString("state"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such open task");
        }
        List<String> allowed = task.getList("dispositions", String.class, List.of());
        if (!allowed.isEmpty() && !allowed.contains(disposition)) {
            throw new com.omnicanal.support.problem.InvalidRequestException("disposition", "must be one of " + allowed);
        }
        Instant now = Instant.now();
        int attempt = task.getInteger("attempt", 1);
        String outcome = switch (disposition) {
            case "no-answer", "busy" -> attempt < maxAttempts ? retry(task, now.plus(retryAfter), attempt + 1)
                    : "unreachable by phone after " + attempt + " attempts: the journey goes on without the call";
            case "call-back" -> retry(task, callBackAt == null ? now.plus(retryAfter) : callBackAt, attempt);
            case "do-not-call" -> revokePhone(task.getString("profileId"));
            default -> "recorded";
        };
        mongo.updateFirst(query(where("_id").is(taskId)), new Update().set("state", "done").set("disposition", disposition)
                .set("note", note).set("by", agent).set("doneAt", now).set("outcome", outcome), "tasks");
        enrollments.find(task.getString("enrollmentId")).ifPresent(e -> enrollments.change(e, new Update(), List.of(
                new Enrollment.Entry(now, task.getString("phase"), task.getString("step"), "disposition",
                        disposition + " by " + agent + " (attempt " + attempt + "): " + outcome)), List.of()));
        return mongo.findById(taskId, Document.class, "tasks");
    }

    private String retry(Document task, Instant at, int attempt) {
        String id = UUID.randomUUID().toString();
        Document next = new Document(task);
        next.put("_id", id);
        next.put("attempt", attempt);
        next.put("dueAt", at);
        next.put("state", "open");
        next.put("createdAt", Instant.now());
        mongo.insert(next, "tasks");
        return "call again at " + at + " (task " + id + ", attempt " + attempt + " of " + maxAttempts + ")";
    }

    private String revokePhone(String profileId) {
        for (String purpose : List.of("marketing", "surveys")) {
            profiles.put().uri("/api/profiles/{id}/consents", profileId).body(Map.of("channel", "phone",
                    "purpose", purpose, "state", "revoked", "source", "agent-disposition",
                    "evidence", "the customer asked not to be called")).retrieve().toBodilessEntity();
        }
        return "phone consent revoked for marketing and surveys in profile-service";
    }
}
