package com.omnicanal.support.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** The record that an event id was handled here; its {@code _id} is the CloudEvents id, so it is unique. */
@Document(ProcessedEvent.COLLECTION)
record ProcessedEvent(@Id String id, String type, Instant processedAt) {

    static final String COLLECTION = "processed_events";
}
