package com.omnicanal.feedback.touchpoint;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A printed QR code: its opaque public code opens the survey tagged with the store (and the spot within it). */
@Document("touchpoints")
record Touchpoint(@Id String code, String surveyId, String storeId, String name, String createdBy, Instant createdAt) {
}
