package com.omnicanal.profile.identity;

import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.problem.ProblemHandling.InvalidField;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises request identifiers, refusing invalid ones (400) and setting aside blocked values. */
@Component
class Guardrails {

    private final IdentifierNormalizer normalizer;
    private final IdentityProperties properties;
    private final List<Pattern> blockedPatterns;
    /** The blocked values as a set: looked up twice per identifier of every activity. */
    private final java.util.Set<String> blockedValues;

    Guardrails(IdentifierNormalizer normalizer, IdentityProperties properties) {
        this.normalizer = normalizer;
        this.properties = properties;
        this.blockedPatterns = properties.blockedPatterns().stream().map(Pattern::compile).toList();
        this.blockedValues = java.util.Set.copyOf(properties.blockedValues());
    }

    /** Usable candidates and the reasons others were set aside; throws when any identifier is invalid. */
    record Screened(List<Candidate> usable, List<IdentifyResponse.Ignored> ignored) {
    }

    Screened screen(List<IdentifyRequest.IdentifierInput> inputs, String source) {
        List<InvalidField> invalid = new ArrayList<>();
        List<Candidate> usable = new ArrayList<>();
        List<IdentifyResponse.Ignored> ignored = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            IdentifyRequest.IdentifierInput input = inputs.get(i);
            try {
                String value = normalizer.normalize(input.type(), input.value(), input.sensitive());
                if (blocked(input.value()) || !value.equals(input.value()) && blocked(value)) {
                    ignored.add(new IdentifyResponse.Ignored(input.type(), "blocked value"));
                } else if (usable.stream().noneMatch(c -> c.type().equals(input.type()) && c.value().equals(value))) {
                    usable.add(new Candidate(input.type(), value, input.verified(), source));
                }
            } catch (IllegalArgumentException e) {
                String field = e.getMessage().startsWith("unknown identifier type") ? "type" : "value";
                invalid.add(new InvalidField("identifiers[" + i + "]." + field, e.getMessage()));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        return new Screened(usable, ignored);
    }

    boolean allowsMerge(Candidate candidate, IdentifierLink link) {
        return properties.mergeOnUnverified() || (candidate.verified() && link.verified());
    }

    private boolean blocked(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return blockedValues.contains(lower)
                || blockedPatterns.stream().anyMatch(p -> p.matcher(lower).matches());
    }
}
