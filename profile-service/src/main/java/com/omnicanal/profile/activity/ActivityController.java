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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/** Activities from partners, channels and staff: one, or a batch of up to 1,000 under {@code activities}. */
@RestController
class ActivityController {

    static final int MAX_BATCH = 1000;

    private final Activities activities;
    private final ActivityTypes types;
    private final Validator validator;
    private final JsonMapper json;

    ActivityController(Activities activities, ActivityTypes types, Validator validator, JsonMapper json) {
        this.activities = activities;
        this.types = types;
        this.validator = validator;
        this.json = json;
    }

    record TypeRegistration(String name, String description, JsonNode schema) {
    }

    @PostMapping("/api/activities")
    @PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin') or hasAuthority('SCOPE_omni.internal')"
            + " or (hasRole('partner') and hasAuthority('SCOPE_activities.write'))")
    Activities.BatchResult record(@RequestBody JsonNode body, Authentication caller) {
        boolean batch = body.has("activities");
        List<JsonNode> nodes = new ArrayList<>();
        if (batch && !body.get("activities").isArray()) {
            throw new InvalidRequestException("activities", "must be an array");
        }
        if (batch) {
            body.get("activities").forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        if (nodes.isEmpty() || nodes.size() > MAX_BATCH) {
            throw new InvalidRequestException("activities", "send 1 to " + MAX_BATCH + " activities per request");
        }
        List<ActivityInput> inputs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = batch ? "activities[" + i + "]" : "activity";
            ActivityInput input = read(nodes.get(i), path);
            validator.validate(input).forEach(v -> problems.add(field(path, v)));
            inputs.add(input);
            paths.add(path);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        boolean staff = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().matches(
                "ROLE_(agent|supervisor|admin)|SCOPE_omni\\.internal"));
        return activities.record(inputs, paths, new Activities.Caller(staff ? "staff" : Actor.client(caller),
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

    private ActivityInput read(JsonNode node, String path) {
        try {
            return json.treeToValue(node, ActivityInput.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException(path, "is not an activity: " + e.getOriginalMessage());
        }
    }

    private static InvalidField field(String path, ConstraintViolation<ActivityInput> violation) {
        return new InvalidField(path + "." + violation.getPropertyPath(), violation.getMessage());
    }
}
