package com.omnicanal.campaign.broadcast;

import java.time.Duration;

/** A running broadcast's counts and the pacing that keeps it under its maximum rate. */
final class Progress {

    long processed;
    long enrolled;
    private long nextAt = System.nanoTime();

    Progress(long processed, long enrolled) {
        this.processed = processed;
        this.enrolled = enrolled;
    }

    /** Holds the next member back so that no more than {@code perSecond} go per second (0: no limit). */
    void pace(double perSecond) {
        if (perSecond <= 0) {
            return;
        }
        nextAt += (long) (1_000_000_000L / perSecond);
        long wait = nextAt - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait)); // a provider's throttle, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
