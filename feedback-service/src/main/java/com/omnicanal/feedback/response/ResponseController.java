package com.omnicanal.feedback.response;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.Map;

/** One response as staff read it (after an erasure: the score without the person, the comment or the answers). */
@RestController
class ResponseController {

    private final MongoTemplate mongo;

    ResponseController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record ResponseView(String id, String surveyId, int version, String profileId, String kind, Integer score,
                        String category, Map<String, Object> answers, String comment, String channel, String agentId,
                        String storeId, String complaintId, Instant at) {
    }

    @GetMapping("/api/feedback/responses/{id}")
    @PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
    ResponseView get(@PathVariable String id) {
        Response r = mongo.findById(id, Response.class);
        if (r == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such response");
        }
        return new ResponseView(r.id(), r.surveyId(), r.version(), r.profileId(), r.kind(), r.score(), r.category(),
                r.answers(), r.comment(), r.channel(), r.agentId(), r.storeId(), r.complaintId(), r.at());
    }
}
