package com.omnicanal.profile.activity;

import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A request's activities: one, or a batch of up to 1,000 under {@code activities}, each named by its path. */
@Component
class ActivityBodies {

    static final int MAX_BATCH = 1000;

    private final JsonMapper json;

    ActivityBodies(JsonMapper json) {
        this.json = json;
    }

    /** The activities read and whether they came as a batch (which names them {@code activities[i]}). */
    record Parsed(List<ActivityInput> inputs, boolean batch) {

        String path(int i) {
            return batch ? "activities[" + i + "]" : "activity";
        }
    }

    private record Batch(List<ActivityInput> activities) {
    }

    Parsed read(byte[] body) {
        Parsed parsed = bound(body);
        if (parsed == null) {
            parsed = nodeByNode(body);
        }
        if (parsed.inputs().isEmpty() || parsed.inputs().size() > MAX_BATCH) {
            throw new InvalidRequestException("activities", "send 1 to " + MAX_BATCH + " activities per request");
        }
        return parsed;
    }

    /** A well-formed batch straight into records (building a tree first cost a tenth of a batch's CPU); else null. */
    private Parsed bound(byte[] body) {
        try {
            Batch batch = json.readValue(body, Batch.class);
            boolean complete = batch.activities() != null && batch.activities().stream().allMatch(Objects::nonNull);
            return complete ? new Parsed(batch.activities(), true) : null;
        } catch (JacksonException notABatch) {
            return null;
        }
    }

    /** One activity, or a batch with a problem: node by node, so the error names the activity that does not read. */
    private Parsed nodeByNode(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException("activities", "is not JSON: " + e.getOriginalMessage());
        }
        boolean batch = root.has("activities");
        if (batch && !root.get("activities").isArray()) {
            throw new InvalidRequestException("activities", "must be an array");
        }
        List<JsonNode> nodes = new ArrayList<>();
        (batch ? root.get("activities") : List.of(root)).forEach(nodes::add);
        List<ActivityInput> inputs = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size() && i <= MAX_BATCH; i++) {
            inputs.add(read(nodes.get(i), batch ? "activities[" + i + "]" : "activity"));
        }
        return new Parsed(inputs, batch);
    }

    private ActivityInput read(JsonNode node, String path) {
        try {
            ActivityInput input = json.treeToValue(node, ActivityInput.class);
            if (input == null) {
                throw new InvalidRequestException(path, "is not an activity");
            }
            return input;
        } catch (JacksonException e) {
            throw new InvalidRequestException(path, "is not an activity: " + e.getOriginalMessage());
        }
    }
}
