package com.omnicanal.profile.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Identifiers and traits seen on any channel, to be resolved to the one profile they belong to. */
public record IdentifyRequest(
        @NotEmpty @Size(max = 20) List<@Valid IdentifierInput> identifiers,
        @Valid Traits traits,
        @Size(max = 40) String source) {

    /** One identifier as a channel reports it; {@code verified} when the channel proved ownership (OTP, login). */
    public record IdentifierInput(@NotBlank @Size(max = 80) String type, @NotBlank @Size(max = 320) String value,
                           boolean verified, boolean sensitive) {
    }

    /** Traits the channel knows; they fill gaps, never overwrite what the profile has. */
    public record Traits(@Size(max = 200) String name,
                  @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as es or es-ES") String language,
                  @Size(max = 60) String timezone) {
    }
}
