package com.omnicanal.conversation.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A message another service (or an agent) wants sent to a customer: idempotent on {@code requestId}; the channel is
 * chosen here, at send time, by every rule the customer is owed.
 */
record DispatchRequest(
        @NotBlank @Size(max = 100) String requestId,
        @NotBlank @Size(max = 64) String profileId,
        @NotBlank @Pattern(regexp = "service|marketing|surveys", message = "must be service, marketing or surveys") String purpose,
        @Size(max = 8) List<String> channels,
        @NotBlank @Size(max = 4096) String text,
        @Size(max = 100) String template) {
}
