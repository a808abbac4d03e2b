package com.omnicanal.profile.identity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/** What staff send to create a profile: a name and at least one way to reach the customer. */
record CreateProfileRequest(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Size(max = 40) @PhoneNumber String phone,
        @jakarta.validation.constraints.Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String language,
        @Size(max = 60) String timezone) {

    @AssertTrue(message = "give an email or a phone")
    boolean isReachable() {
        return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }

    IdentifyRequest asIdentify() {
        List<IdentifyRequest.IdentifierInput> identifiers = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            identifiers.add(new IdentifyRequest.IdentifierInput("email", email, false, false));
        }
        if (phone != null && !phone.isBlank()) {
            identifiers.add(new IdentifyRequest.IdentifierInput("phone", phone, false, false));
        }
        return new IdentifyRequest(identifiers, new IdentifyRequest.Traits(name.strip(), language, timezone), "console");
    }
}
