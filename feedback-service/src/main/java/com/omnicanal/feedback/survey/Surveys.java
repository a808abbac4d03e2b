package com.omnicanal.feedback.survey;

import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Surveys and their versions: each save is a new version (a response keeps the version it answered). */
@Service
public class Surveys {

    private final MongoTemplate mongo;
    private final org.springframework.context.ApplicationEventPublisher events;
    /** Versions never change once saved: read each once (the answer path asks for them on every request). */
    private final java.util.Map<String, SurveyDefinition> versions = new java.util.concurrent.ConcurrentHashMap<>();

    Surveys(MongoTemplate mongo, org.springframework.context.ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    @org.springframework.data.mongodb.core.mapping.Document("survey_versions")
    record Version(@org.springframework.data.annotation.Id String id, SurveyDefinition definition, Instant at) {
    }

    Survey save(String id, SurveyDefinition definition) {
        var problems = SurveyRules.problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        int version = find(id).map(s -> s.version() + 1).orElse(1);
        Instant now = Instant.now();
        mongo.save(new Version(id + ":" + version, definition, now));
        Survey saved = mongo.save(new Survey(id, version, "active", definition, now));
        events.publishEvent(new Saved(saved)); // a scheduled survey (re)plans its next round
        return saved;
    }

    /** A survey was saved (a new version, active). */
    public record Saved(Survey survey) {
    }

    public Optional<Survey> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Survey.class));
    }

    public Optional<SurveyDefinition> version(String id, int version) {
        String key = id + ":" + version;
        SurveyDefinition cached = versions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SurveyDefinition> found = Optional.ofNullable(mongo.findById(key, Version.class)).map(Version::definition);
        found.ifPresent(d -> versions.put(key, d));
        return found;
    }

    /** Active surveys a trigger sends (few surveys: read whole). */
    public List<Survey> triggeredBy(String on, String activityType) {
        return mongo.findAll(Survey.class).stream().filter(Survey::isActive)
                .filter(s -> on.equals(s.definition().trigger().on()))
                .filter(s -> activityType == null || activityType.equals(s.definition().trigger().activityType())).toList();
    }

    List<Survey> all() {
        return mongo.findAll(Survey.class);
    }
}
