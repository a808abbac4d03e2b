package com.omnicanal.profile.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Staff tried to create a person who already has a profile: 409 naming it, so they can open it instead. */
class ProfileExistsException extends ErrorResponseException {

    ProfileExistsException(String profileId) {
        super(HttpStatus.CONFLICT, problem(profileId), null);
    }

    private static ProblemDetail problem(String profileId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A profile with these identifiers already exists.");
        problem.setType(URI.create("urn:omnicanal:problem:profile-exists"));
        problem.setProperty("profileId", profileId);
        return problem;
    }
}
