package com.omnicanal.profile.consent;

import jakarta.validation.constraints.Pattern;

import java.time.LocalTime;

/** The customer's explicit contact preferences; a null field leaves that preference as it is. */
record PreferencesChange(
        @Pattern(regexp = "whatsapp|sms|email|telegram|messenger|instagram|webchat|phone",
                message = "must be one of whatsapp, sms, email, telegram, messenger, instagram, webchat, phone")
        String preferredChannel,
        LocalTime quietFrom,
        LocalTime quietUntil,
        Boolean doNotContact,
        String timezone) {
}
