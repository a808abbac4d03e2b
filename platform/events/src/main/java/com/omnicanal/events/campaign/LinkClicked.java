package com.omnicanal.events.campaign;

import com.omnicanal.events.EventType;
import com.omnicanal.events.IntegrationEvent;

import java.time.Instant;

/**
 * A tracked link was opened: a per-recipient link of a journey message ({@code kind} message, with the enrolment) or a
 * campaign QR code ({@code kind} qr, with its place); {@code profileId} is null when the person is not known.
 */
@EventType("omni.campaign.link-clicked.v1")
public record LinkClicked(String profileId, String code, String kind, String journeyId, String enrollmentId,
                          String place, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return profileId;
    }
}
