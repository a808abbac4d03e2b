package com.omnicanal.feedback.survey;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A survey's current version and state (active or paused); earlier versions stay readable for their responses. */
@Document("surveys")
public record Survey(@Id String id, int version, String state, SurveyDefinition definition, Instant updatedAt) {

    public boolean isActive() {
        return "active".equals(state);
    }
}
