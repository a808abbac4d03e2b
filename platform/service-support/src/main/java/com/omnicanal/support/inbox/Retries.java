package com.omnicanal.support.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Gives a failed event its remaining attempts on its own, with a growing pause between them, and sends it to its
 * queue's dead-letter queue after the last: one bad event never holds back, nor repeats, the rest of its batch.
 */
class Retries {

    private static final Logger log = LoggerFactory.getLogger(Retries.class);

    private final int attempts;
    private final Duration firstPause;
    private final Duration longestPause;
    private final DeadLetterSink deadLetters;

    Retries(int attempts, Duration firstPause, Duration longestPause, DeadLetterSink deadLetters) {
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.deadLetters = deadLetters;
    }

    void settle(EventDispatcher.Failure failure, Consumer<Delivery> handleOne) {
        RuntimeException last = failure.cause();
        for (int attempt = 2; attempt <= attempts; attempt++) {
            pause(attempt);
            try {
                handleOne.accept(failure.delivery());
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        log.warn("event {} of type {} failed {} times; dead-lettered: {}", failure.delivery().id(),
                failure.delivery().type(), attempts, last.toString());
        deadLetters.send(failure.delivery(), last);
    }

    private void pause(int attempt) {
        long millis = Math.min(longestPause.toMillis(), firstPause.toMillis() << Math.min(20, attempt - 2));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
