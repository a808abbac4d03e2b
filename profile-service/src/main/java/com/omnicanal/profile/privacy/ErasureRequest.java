package com.omnicanal.profile.privacy;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A right-to-erasure request and which services have confirmed it; complete when all have. */
@Document(ErasureRequest.COLLECTION)
record ErasureRequest(@Id String id, String profileId, String state, Instant requestedAt, String requestedBy,
                      List<String> expected, Map<String, Instant> confirmations, Instant completedAt,
                      @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "privacy_requests";
    static final String REQUESTED = "requested";
    static final String COMPLETE = "complete";
}
