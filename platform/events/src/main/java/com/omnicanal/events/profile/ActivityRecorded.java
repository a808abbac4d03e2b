package com.omnicanal.events.profile;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Something happened to a customer anywhere (purchase, delivery, store visit…): the post-sale triggers. */
@EventType("omni.profile.activity-recorded.v1")
public record ActivityRecorded(String profileId, String activityId, String type, Instant occurredAt, String channel,
                               String storeId, String orderId, BigDecimal amount, String currency,
                               Map<String, Object> attributes, String lifecycleStage, Instant recordedAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
