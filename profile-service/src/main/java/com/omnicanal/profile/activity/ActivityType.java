package com.omnicanal.profile.activity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A custom activity type (name without the {@code custom:} prefix) and the JSON Schema its attributes must meet. */
@Document(ActivityType.COLLECTION)
record ActivityType(@Id String name, String description, String schema, Instant registeredAt, String registeredBy) {

    static final String COLLECTION = "activity_types";
}
