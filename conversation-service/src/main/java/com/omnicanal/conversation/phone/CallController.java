package com.omnicanal.conversation.phone;

import com.omnicanal.conversation.channel.OutboundMessage.Attachment;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Call records from a contact-centre system (client credentials with {@code calls.write}) or staff: each event of a
 * call (started, ended) joins the caller's conversation once, idempotent on the call id and event.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_calls.write') or hasAnyRole('agent', 'supervisor', 'admin')")
class CallController {

    private final Inbox inbox;

    CallController(Inbox inbox) {
        this.inbox = inbox;
    }

    record CallEvent(@NotBlank @Size(max = 100) String callId,
                     @NotBlank @Pattern(regexp = "started|ended", message = "must be started or ended") String event,
                     @NotBlank @Pattern(regexp = "inbound|outbound", message = "must be inbound or outbound") String direction,
                     @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number") String customerNumber,
                     @Size(max = 100) String agent, @NotNull Instant at, @PositiveOrZero Long durationSeconds,
                     @Size(max = 4000) String notes, @URL @Size(max = 2000) String recordingUrl) {
    }

    record Recorded(String messageId, boolean duplicate) {
    }

    @PostMapping("/api/channels/phone/calls")
    Recorded record(@Valid @RequestBody CallEvent call) {
        if (call.event().equals("ended") && call.durationSeconds() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "durationSeconds is required when a call ended");
        }
        List<Attachment> recording = call.recordingUrl() == null ? List.of()
                : List.of(new Attachment("recording", "audio/mpeg", 0, call.recordingUrl()));
        InboundMessage message = new InboundMessage("phone", call.callId() + ":" + call.event(),
                List.of(new InboundMessage.SenderId("phone", call.customerNumber(), false)), null, text(call), call.at(),
                new InboundMessage.Details("call", null, recording, Map.of(), null, call.direction()));
        return inbox.receive(message).map(id -> new Recorded(id, false))
                .orElseGet(() -> new Recorded("phone:" + message.providerMessageId(), true));
    }

    private static String text(CallEvent call) {
        String who = call.agent() == null ? "" : " with " + call.agent();
        if (call.event().equals("started")) {
            return call.direction() + " call started" + who;
        }
        Duration length = Duration.ofSeconds(call.durationSeconds());
        String summary = call.direction() + " call ended" + who + " after " + length.toMinutes() + "m"
                + length.toSecondsPart() + "s";
        return call.notes() == null ? summary : summary + ": " + call.notes();
    }
}
