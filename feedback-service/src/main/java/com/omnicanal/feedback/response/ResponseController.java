package com.omnicanal.feedback.response;

import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.invitation.Invitations;
import com.omnicanal.support.security.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A response as staff read it (after an erasure: the score without the person, the comment or the answers); an
 * agent reads only the responses about conversations assigned to them (any other is a 404 that reveals nothing);
 * a person's responses and invitations for the privacy export.
 */
@RestController
class ResponseController {

    private static final List<String> STAFF = List.of("ROLE_supervisor", "ROLE_marketer", "ROLE_admin");

    private final MongoTemplate mongo;
    private final Invitations invitations;
    private final PartialAnswers partials;

    ResponseController(MongoTemplate mongo, Invitations invitations, PartialAnswers partials) {
        this.mongo = mongo;
        this.invitations = invitations;
        this.partials = partials;
    }

    record ResponseView(String id, String surveyId, int version, String profileId, String kind, Integer score,
                        String category, Map<String, Object> answers, String comment, String channel,
                        String conversationId, String agentId, String storeId, String complaintId, Instant at) {
    }

    /** A person's responses, for the privacy export (profile-service) and for staff: found by their tokens. */
    @GetMapping(value = "/api/feedback/responses", params = "profileId")
    @PreAuthorize("hasAnyRole('supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
    List<ResponseView> ofProfile(@RequestParam String profileId) {
        List<String> ids = new ArrayList<>(invitations.answeredWithoutInvitation(profileId));
        invitations.ofProfile(profileId).forEach(i -> ids.add(i.token()));
        return mongo.find(query(where("_id").in(ids)), Response.class).stream().map(ResponseController::view).toList();
    }

    record InvitationView(String token, String surveyId, int version, String trigger, String channel, String state,
                          List<String> reasons, Instant createdAt, Instant expiresAt, Instant openedAt, Instant remindedAt) {

        static InvitationView of(Invitation i) {
            return new InvitationView(i.token(), i.surveyId(), i.version(), i.trigger(), i.channel(), i.state(),
                    i.reasons(), i.createdAt(), i.expiresAt(), i.openedAt(), i.remindedAt());
        }
    }

    /** The export for staff through the gateway (profile-service reads the same at the internal export path). */
    @GetMapping("/api/feedback/privacy/{profileId}/export")
    @PreAuthorize("hasAnyRole('supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')")
    Map<String, Object> export(@PathVariable String profileId) {
        Map<String, Object> export = new LinkedHashMap<>(Map.of("service", "feedback-service", "exportedAt",
                Instant.now(), "profileId", profileId));
        export.putAll(held(profileId));
        return export;
    }

    /** Everything this service holds about a person (right of access): invitations, responses, unfinished answers. */
    Map<String, Object> held(String profileId) {
        List<Invitation> invited = invitations.ofProfile(profileId);
        Map<String, Object> partial = new LinkedHashMap<>();
        invited.forEach(i -> {
            Map<String, List<String>> answers = partials.of(i.token());
            if (!answers.isEmpty()) {
                partial.put(i.token(), answers);
            }
        });
        return Map.of("invitations", invited.stream().map(InvitationView::of).toList(), "responses",
                ofProfile(profileId), "partialAnswers", partial);
    }

    @GetMapping("/api/feedback/responses/{id}")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    ResponseView get(@PathVariable String id, Authentication caller) {
        Response r = mongo.findById(id, Response.class);
        if (r == null || !readable(r, caller)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such response");
        }
        return view(r);
    }

    /** The responses about one conversation: staff see all; an agent those of conversations assigned to them. */
    @GetMapping("/api/feedback/conversations/{conversationId}/responses")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    List<ResponseView> onConversation(@PathVariable String conversationId, Authentication caller) {
        List<ResponseView> theirs = mongo.find(query(where("conversationId").is(conversationId)), Response.class).stream()
                .filter(r -> readable(r, caller)).map(ResponseController::view).toList();
        if (theirs.isEmpty()) { // none, or none of theirs: the same answer either way
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no responses on this conversation");
        }
        return theirs;
    }

    /** The newest responses attributed to an agent: the agent themselves (anyone else's is 403) or staff. */
    @GetMapping(value = "/api/feedback/responses", params = "agent")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
    List<ResponseView> ofAgent(@RequestParam String agent, @RequestParam(defaultValue = "50") int limit,
                               Authentication caller) {
        if (!staff(caller) && !Actor.username(caller).equals(agent)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "agents read their own responses: agent=<your username>");
        }
        return mongo.find(query(where("agentId").is(agent)).with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(Math.clamp(limit, 1, 200)), Response.class).stream().map(ResponseController::view).toList();
    }

    /** Staff read every response; an agent the ones attributed to them (the conversation was theirs when resolved). */
    private static boolean readable(Response r, Authentication caller) {
        return staff(caller) || Actor.username(caller).equals(r.agentId());
    }

    private static boolean staff(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> STAFF.contains(a.getAuthority()));
    }

    private static ResponseView view(Response r) {
        return new ResponseView(r.id(), r.surveyId(), r.version(), r.profileId(), r.kind(), r.score(), r.category(),
                r.answers(), r.comment(), r.channel(), r.conversationId(), r.agentId(), r.storeId(), r.complaintId(),
                r.at());
    }
}
