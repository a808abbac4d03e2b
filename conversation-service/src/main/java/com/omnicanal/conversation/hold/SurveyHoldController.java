package com.omnicanal.conversation.hold;

import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.Message;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;

/**
 * For feedback-service (its own token, scope {@code omni.internal}): hold a customer's replies for an
 * in-conversation survey, release them, and read the text of a message it was told about (events carry no bodies) —
 * with the id of the button or list row tapped, if it was a tap.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_omni.internal')")
class SurveyHoldController {

    private final SurveyHolds holds;
    private final Inbox inbox;

    SurveyHoldController(SurveyHolds holds, Inbox inbox) {
        this.holds = holds;
        this.inbox = inbox;
    }

    record HoldRequest(@NotNull @Future Instant until, @NotBlank @Size(max = 200) String reference) {
    }

    record MessageText(String id, String profileId, String conversationId, String channel, String direction,
                       String text, String replyId, Instant at) {
    }

    @PutMapping("/api/conversations/survey-holds/{profileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hold(@PathVariable String profileId, @Valid @RequestBody HoldRequest request) {
        holds.hold(profileId, request.until(), request.reference());
    }

    @DeleteMapping("/api/conversations/survey-holds/{profileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String profileId) {
        holds.release(profileId);
    }

    @GetMapping("/api/messages/{id}")
    MessageText message(@PathVariable String id) {
        Message m = inbox.message(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such message"));
        return new MessageText(m.id(), m.profileId(), m.conversationId(), m.channel(), m.direction(), m.text(), m.replyId(), m.at());
    }
}
