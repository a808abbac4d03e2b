package com.omnicanal.feedback.invitation;

import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.Surveys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** Staff (or a service with {@code surveys.invite}) invite a customer; staff see a customer's invitations and why. */
@RestController
class InvitationController {

    private final Surveys surveys;
    private final Invitations invitations;
    private final RelationshipSurveys relationship;

    InvitationController(Surveys surveys, Invitations invitations, RelationshipSurveys relationship) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.relationship = relationship;
    }

    /** A scheduled survey's next round and what its last round did (members, sampled, sent, scheduled, skipped). */
    @GetMapping("/api/feedback/surveys/{id}/rounds")
    @PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
    RelationshipSurveys.Rounds rounds(@PathVariable String id) {
        return relationship.of(id);
    }

    record InviteRequest(@NotBlank @Size(max = 64) String profileId, @Size(max = 20) String channel,
                         @Size(max = 64) String storeId) {
    }

    @PostMapping("/api/surveys/{id}/invitations")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin') or hasAuthority('SCOPE_surveys.invite')")
    Invitation invite(@PathVariable String id, @Valid @RequestBody InviteRequest request) {
        Survey survey = surveys.find(id).filter(Survey::isActive)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such active survey"));
        return invitations.invite(survey, request.profileId(), new Invitations.Context("manual", request.channel(), null,
                null, null, request.storeId()));
    }

    @GetMapping(value = "/api/feedback/invitations", params = "profileId")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin') or hasAuthority('SCOPE_surveys.read')")
    List<Invitation> ofProfile(@RequestParam String profileId) {
        return invitations.ofProfile(profileId);
    }
}
