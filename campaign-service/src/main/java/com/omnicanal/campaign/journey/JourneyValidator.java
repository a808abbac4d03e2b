package com.omnicanal.campaign.journey;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a definition twice: against the published JSON Schema (structure), then for what a schema cannot say —
 * targets that exist, loops that wait, variables we know, channels to publish on. Every problem has its JSON pointer.
 */
@Component
class JourneyValidator {

    private final JsonMapper json;
    private final Schema schema;
    private final String schemaText;

    JourneyValidator(JsonMapper json) {
        this.json = json;
        try {
            this.schemaText = new ClassPathResource("journeys/journey.schema.json").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText);
    }

    String schema() {
        return schemaText;
    }

    /** The definition, or a 400 listing every problem (schema ones first, then the semantic ones). */
    JourneyDefinition validate(JsonNode body) {
        List<InvalidField> problems = new ArrayList<>(schema.validate(body).stream()
                .map(e -> new InvalidField(pointer(e.getInstanceLocation().toString()), e.getMessage())).toList());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        JourneyDefinition definition = json.treeToValue(body, JourneyDefinition.class);
        problems.addAll(JourneyRules.problems(definition));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return definition;
    }

    /** networknt reports {@code $.phases[0].steps[1]}; a JSON pointer is {@code /phases/0/steps/1}. */
    static String pointer(String location) {
        String path = location.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        return path.isEmpty() ? "/" : path;
    }
}
