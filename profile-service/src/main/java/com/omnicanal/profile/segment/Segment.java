package com.omnicanal.profile.segment;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A dynamic segment and its member count, kept as members join and leave (never counted by scanning). */
@Document(Segment.COLLECTION)
record Segment(@Id String id, String name, String description, String match, List<Condition> conditions,
               long memberCount, String state, Instant createdAt, String createdBy,
               @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "segments";
    static final String BUILDING = "building";
    static final String READY = "ready";

    boolean matchAll() {
        return !"any".equals(match);
    }
}
