package com.omnicanal.campaign.broadcast;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;

/**
 * A broadcast's state and progress (x of N), kept as it runs; the rate and ETA follow from them. The instance running
 * it ({@code owner}) beats its heart on it; a broadcast whose owner went silent is resumed by another instance.
 */
@Document("broadcasts")
record Broadcast(@Id String id, String journeyId, int version, String segmentId, String state, long total,
                 long processed, long enrolled, Instant startedAt, Instant finishedAt, String startedBy, String owner,
                 Instant heartbeatAt, int resumes) {

    boolean isOver() {
        return "completed".equals(state) || "cancelled".equals(state);
    }

    /** Progress for people: rate per second and the estimated end. */
    record Progress(Broadcast broadcast, double perSecond, Instant eta) {

        static Progress of(Broadcast b, Instant now) {
            double seconds = Math.max(1, Duration.between(b.startedAt(), b.isOver() ? b.finishedAt() : now).toSeconds());
            double rate = b.processed() / seconds;
            Instant eta = b.isOver() || rate == 0 ? b.finishedAt()
                    : now.plusSeconds((long) ((b.total() - b.processed()) / rate));
            return new Progress(b, Math.round(rate * 10) / 10.0, eta);
        }
    }
}
