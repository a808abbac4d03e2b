package com.omnicanal.campaign.broadcast;

import java.time.Duration;

/** A running broadcast's counts, when to save them next, and the pacing that keeps it under its maximum rate. */
final class Progress {

    long processed;
    long enrolled;
    private long lastSavedAt;
    private long lastSavedCount;
    private long nextAt = System.nanoTime();

    Progress(long processed, long enrolled) {
        this.processed = processed;
        this.enrolled = enrolled;
        this.lastSavedCount = processed;
    }

    /** Time to save and look at the state: every {@code members} members or every {@code beat}, whichever first. */
    boolean due(int members, Duration beat) {
        long now = System.nanoTime();
        if (processed - lastSavedCount < members && now - lastSavedAt < beat.toNanos()) {
            return false;
        }
        lastSavedAt = now;
        lastSavedCount = processed;
        return true;
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
