package com.omnicanal.campaign.tracking;

import java.time.Instant;

/**
 * Told in-process when a tracked link is opened, so journeys can count a click as a success or a goal: the send it
 * belonged to (null for a QR code), the person when known, and whether it was that link's first opening.
 */
public record LinkOpened(String code, String kind, String requestId, String enrollmentId, String profileId,
                         String journeyId, String phase, String step, String variant, String url, boolean first,
                         Instant at) {
}
