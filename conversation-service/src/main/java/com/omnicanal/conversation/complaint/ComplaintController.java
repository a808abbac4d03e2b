package com.omnicanal.conversation.complaint;

import com.omnicanal.conversation.routing.ConversationAccess;
import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.UUID;

/**
 * Complaints: an agent turns a conversation into one; another service (a detractor's survey answer) opens one for a
 * profile with its own token; supervisors take escalations; resolving it lets promotions resume.
 */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
class ComplaintController {

    private final Complaints complaints;
    private final Conversations conversations;
    private final ConversationAccess access;
    private final OpenComplaints openComplaints;

    ComplaintController(Complaints complaints, Conversations conversations, ConversationAccess access,
                        OpenComplaints openComplaints) {
        this.complaints = complaints;
        this.conversations = conversations;
        this.access = access;
        this.openComplaints = openComplaints;
    }

    record OpenRequest(@NotBlank @Size(max = 60) String category,
                       @NotBlank @Pattern(regexp = "low|medium|high|critical", message = "must be low, medium, high or critical")
                       String severity, @Size(max = 4000) String details) {
    }

    record ServiceRequest(@NotBlank @Size(max = 100) String requestId, @NotBlank @Size(max = 64) String profileId,
                          @NotBlank @Size(max = 60) String category,
                          @NotBlank @Pattern(regexp = "low|medium|high|critical", message = "must be low, medium, high or critical")
                          String severity, @NotBlank @Size(max = 60) String source, @Size(max = 4000) String details) {
    }

    record Resolution(@NotBlank @Size(max = 2000) String resolution) {
    }

    @PostMapping("/api/conversations/{id}/complaint")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    Complaint open(@PathVariable String id, @Valid @RequestBody OpenRequest r, Authentication staff) {
        Conversation c = access.readable(id, staff);
        if (complaints.hasOpenComplaint(c)) {
            throw new InvalidRequestException("conversation", "this conversation already has an open complaint");
        }
        return complaints.open(c, new Complaints.Opening(UUID.randomUUID().toString(), r.category(), r.severity(), "agent",
                r.details(), Actor.of(staff)), Instant.now());
    }

    @PostMapping("/api/conversations/complaints")
    @PreAuthorize("hasAuthority('SCOPE_omni.internal') or hasAnyRole('supervisor', 'admin')")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    Complaint raise(@Valid @RequestBody ServiceRequest r) {
        Instant now = Instant.now();
        return complaints.open(conversations.forComplaint(r.profileId(), now), new Complaints.Opening(r.requestId(),
                r.category(), r.severity(), r.source(), r.details(), null), now);
    }

    record OpenState(String profileId, boolean open) {
    }

    /** For other services (feedback: never survey a customer with an open complaint). */
    @GetMapping(value = "/api/conversations/complaints", params = "profileId")
    @PreAuthorize("hasAuthority('SCOPE_omni.internal') or hasAnyRole('agent', 'supervisor', 'admin')")
    OpenState openFor(@org.springframework.web.bind.annotation.RequestParam String profileId) {
        return new OpenState(profileId, openComplaints.isOpen(profileId));
    }

    @GetMapping("/api/conversations/complaints/{id}")
    Complaint get(@PathVariable String id, Authentication staff) {
        Complaint c = complaints.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such complaint"));
        access.readable(c.conversationId(), staff);
        return c;
    }

    @PostMapping("/api/conversations/complaints/{id}/resolve")
    Complaint resolve(@PathVariable String id, @Valid @RequestBody Resolution r, Authentication staff) {
        return complaints.resolve(get(id, staff), r.resolution(), Instant.now());
    }

    @PostMapping("/api/conversations/complaints/{id}/escalate")
    Complaint escalate(@PathVariable String id, Authentication staff) {
        return complaints.escalate(get(id, staff), "supervisors");
    }
}
