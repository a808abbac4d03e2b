package com.omnicanal.support.privacy;

import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.Set;

/** This service's proof that it erased a profile for a request; its insert carries the confirmation event. */
@Document(ErasureReceipt.COLLECTION)
record ErasureReceipt(@Id String requestId, String profileId, Instant erasedAt,
                      @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "erasure_receipts";
}
