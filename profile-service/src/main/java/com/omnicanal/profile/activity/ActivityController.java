package com.omnicanal.profile.activity;

import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import com.omnicanal.support.security.Actor;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Activities from partners, channels and staff: one, or a batch of up to 1,000 under {@code activities}. */
@RestController
class ActivityController {

    private final Activities activities;
    private final ActivityBodies bodies;
    private final ActivityTypes types;
    private final Validator validator;

    ActivityController(Activities activities, ActivityBodies bodies, ActivityTypes types, Validator validator) {
        this.activities = activities;
        this.bodies = bodies;
        this.types = types;
        this.validator = validator;
    }

    record TypeRegistration(String name, String description, JsonNode schema) {
    }

    @PostMapping("/api/activities")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')"
            + " or (hasRole('partner') and hasAuthority('SCOPE_activities.write'))")
    Activities.BatchResult record(@RequestBody byte[] body, Authentication caller) {
        ActivityBodies.Parsed parsed = bodies.read(body);
        List<String> paths = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        for (int i = 0; i < parsed.inputs().size(); i++) {
            String path = parsed.path(i);
            if (!PlainActivities.certainlyValid(parsed.inputs().get(i))) {
                validator.validate(parsed.inputs().get(i)).forEach(v -> problems.add(field(path, v)));
            }
            paths.add(path);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        boolean staff = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().matches(
                "ROLE_(agent|supervisor|admin)|SCOPE_omni\\.internal"));
        return activities.record(parsed.inputs(), paths, new Activities.Caller(staff ? "staff" : Actor.client(caller),
                Actor.of(caller), staff));
    }

    @PostMapping("/api/activities/types")
    @PreAuthorize("hasAnyRole('admin', 'marketer')")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityType register(@RequestBody TypeRegistration registration, Authentication caller) {
        return types.register(registration.name(), registration.description(), registration.schema(), Actor.of(caller));
    }

    @GetMapping("/api/activities/types")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin', 'marketer', 'partner')")
    List<ActivityType> types() {
        return types.all();
    }

    private static InvalidField field(String path, ConstraintViolation<ActivityInput> violation) {
        return new InvalidField(path + "." + violation.getPropertyPath(), violation.getMessage());
    }
}
