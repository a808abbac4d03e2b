package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.channel.Interactive;
import com.omnicanal.conversation.channel.OutboundMessage.Attachment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * A message another service (or an agent) wants sent to a customer: idempotent on {@code requestId}; the channel is
 * chosen here, at send time, by every rule the customer is owed. {@code template} names a registered template
 * (rendered per channel and language with {@code variables}); without one, {@code text} is sent as it is.
 * {@code interactive} adds tappable choices: sent as such on WhatsApp inside the window, as a numbered list elsewhere.
 */
public record DispatchRequest(
        @NotBlank @Size(max = 100) String requestId,
        @NotBlank @Size(max = 64) String profileId,
        @NotBlank @Pattern(regexp = "service|marketing|surveys", message = "must be service, marketing or surveys") String purpose,
        @Size(max = 8) List<@Pattern(regexp = "whatsapp|sms|email|telegram|messenger|instagram|webchat",
                message = "must be a channel we can send on") String> channels,
        @Size(max = 4096) String text,
        @Size(max = 200) String subject,
        @Size(max = 100) String template,
        @Size(max = 50) Map<String, String> variables,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag like es or es-ES") String language,
        @Size(max = 10) List<@Valid Attachment> attachments,
        Interactive interactive) {

    public DispatchRequest {
        channels = channels == null ? List.of() : channels;
        variables = variables == null ? Map.of() : variables;
        attachments = attachments == null ? List.of() : attachments;
    }

    /** A plain text message on any allowed channel. */
    public static DispatchRequest text(String requestId, String profileId, String purpose, List<String> channels,
                                       String text) {
        return new DispatchRequest(requestId, profileId, purpose, channels, text, null, null, null, null, null, null);
    }
}
