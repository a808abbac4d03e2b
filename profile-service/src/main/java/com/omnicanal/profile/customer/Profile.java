package com.omnicanal.profile.customer;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.Set;

/** A customer profile; {@code outbox} carries the marks of events not yet confirmed by the broker. */
@Document(Profile.COLLECTION)
record Profile(@Id String id, String name, String email, String phone, long version, Instant createdAt,
               @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "profiles";
}
