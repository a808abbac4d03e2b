package com.omnicanal.profile.activity;

import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.support.outbox.PendingEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recorded activity; {@code _id} is {@code <client>:<client's id>}, so a resent activity is recognised. Written as a
 * plain document by {@link ActivityDocuments}; read through this mapping.
 */
@Document(Activity.COLLECTION)
record Activity(@Id String id, String clientActivityId, String client, String profileId, String type,
                Instant occurredAt, String channel, String storeId, String orderId, List<ActivityInput.Item> items,
                BigDecimal amount, String currency, Map<String, Object> attributes, Instant recordedAt,
                @Field(PendingEvents.FIELD) Set<String> outbox) {

    static final String COLLECTION = "activities";

    /** The event as it was recorded (without the stage, which was of its moment). */
    ActivityRecorded recorded() {
        return new ActivityRecorded(profileId, id, type, occurredAt, channel, storeId, orderId, amount, currency,
                attributes, null, recordedAt);
    }
}
