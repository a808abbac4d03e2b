package com.omnicanal.profile.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One consent decision: for a channel and purpose, granted, denied or revoked, with where and why. */
record ConsentChange(
        @NotBlank @Pattern(regexp = "whatsapp|sms|email|telegram|messenger|instagram|webchat|phone",
                message = "must be one of whatsapp, sms, email, telegram, messenger, instagram, webchat, phone")
        String channel,
        @NotBlank @Pattern(regexp = "service|marketing|surveys", message = "must be service, marketing or surveys")
        String purpose,
        @NotBlank @Pattern(regexp = "granted|denied|revoked", message = "must be granted, denied or revoked")
        String state,
        @Size(max = 40) String source,
        @Size(max = 1000) String evidence) {
}
