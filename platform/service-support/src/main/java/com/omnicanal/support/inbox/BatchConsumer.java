package com.omnicanal.support.inbox;

import java.util.List;
import java.util.function.Consumer;

/**
 * An event handler that takes a run of events of its type at once, so it can read and write for all of them in a
 * few bulk operations instead of a few round trips each. The dispatcher hands it every run of a delivery batch.
 * If it fails, every event of the run is retried alone: what it already did for some of them is done again, so its
 * effects must be safe to repeat (keyed or conditional writes), even when it is not {@link Replayable}.
 */
@FunctionalInterface
public interface BatchConsumer<T> extends Consumer<T> {

    void acceptAll(List<T> events);

    @Override
    default void accept(T event) {
        acceptAll(List.of(event));
    }
}
