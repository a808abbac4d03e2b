package com.omnicanal.profile.activity;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Custom activity types and their JSON Schemas (draft 2020-12); compiled schemas are cached. */
@Service
class ActivityTypes {

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    ActivityTypes(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    ActivityType register(String name, String description, JsonNode schema, String actor) {
        if (name == null || !name.matches("[a-z0-9_]{1,40}")) {
            throw new InvalidRequestException("name", "must be 1 to 40 characters of a-z, 0-9 and _");
        }
        String text = json.writeValueAsString(schema);
        try {
            registry.getSchema(text);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("schema", "is not a valid JSON Schema: " + e.getMessage());
        }
        try {
            return mongo.insert(new ActivityType(name, description, text, Instant.now(), actor));
        } catch (DuplicateKeyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "activity type custom:" + name + " exists");
        }
    }

    List<ActivityType> all() {
        return mongo.findAll(ActivityType.class);
    }

    /** Problems of {@code attributes} against the schema of {@code custom:<name>}, as JSON pointers. */
    Optional<List<String>> problems(String type, Map<String, Object> attributes) {
        String name = type.substring("custom:".length());
        Schema schema = compiled.computeIfAbsent(name, n -> Optional.ofNullable(mongo.findById(n, ActivityType.class))
                .map(t -> registry.getSchema(t.schema())).orElse(null));
        if (schema == null) {
            return Optional.empty();
        }
        JsonNode node = json.valueToTree(attributes == null ? Map.of() : attributes);
        return Optional.of(schema.validate(node).stream().map(ActivityTypes::describe).toList());
    }

    private static String describe(Error error) {
        String at = error.getInstanceLocation().toString();
        return (at.isEmpty() || "$".equals(at) ? "" : at + ": ") + error.getMessage();
    }
}
