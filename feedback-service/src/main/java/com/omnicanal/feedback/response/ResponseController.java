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

/**
 * A response as staff read it (after an erasure: the score without the person, the comment or the answers), and a
 * person's responses for the privacy export.
 */
@RestController
class ResponseController {

    private final MongoTemplate mongo;
    private final com.omnicanal.feedback.invitation.Invitations invitations;

    ResponseController(MongoTemplate mongo, com.omnicanal.feedback.invitation.Invitations invitations) {
        this.mongo = mongo;
        this.invitations = invitations;
    }

    record ResponseView(String id, String surveyId, int version, String profileId, String kind, Integer score,
                        String category, Map<String, Object> answers, String comment, String channel, String agentId,
                        String storeId, String complaintId, Instant at) {
    }

    /** A person's responses, for the privacy export (profile-service) and for staff: found by their tokens. */
    @GetMapping(value = "/api/feedback/responses", params = "profileId")
    @PreAuthorize("hasAnyRole('supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
    java.util.List<ResponseView> ofProfile(@org.springframework.web.bind.annotation.RequestParam String profileId) {
        java.util.List<String> ids = new java.util.ArrayList<>(invitations.answeredWithoutInvitation(profileId));
        invitations.ofProfile(profileId).forEach(i -> ids.add(i.token()));
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(ids)), Response.class)
                .stream().map(ResponseController::view).toList();
    }

    @GetMapping("/api/feedback/responses/{id}")
    @PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
    ResponseView get(@PathVariable String id) {
        Response r = mongo.findById(id, Response.class);
        if (r == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such response");
        }
        return view(r);
    }

    private static ResponseView view(Response r) {
        return new ResponseView(r.id(), r.surveyId(), r.version(), r.profileId(), r.kind(), r.score(), r.category(),
                r.answers(), r.comment(), r.channel(), r.agentId(), r.storeId(), r.complaintId(), r.at());
    }
}
