package com.omnicanal.profile.customer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff send to create a profile; at least one way to reach the customer. */
record CreateProfileRequest(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 phone number such as +34600111222")
        String phone) {

    @AssertTrue(message = "give an email or a phone")
    boolean isReachable() {
        return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }
}
