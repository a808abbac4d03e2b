package com.omnicanal.support.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** The claim, then the record, that an event id is handled here; its {@code _id} is the CloudEvents id. */
@Document(ProcessedEvent.COLLECTION)
record ProcessedEvent(@Id String id, String type, State state, Instant at) {

    static final String COLLECTION = "processed_events";

    enum State { IN_PROGRESS, DONE }
}
