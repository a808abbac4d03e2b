package com.omnicanal.support.inbox;

import java.util.List;
import java.util.function.Consumer;

/**
 * An event handler whose effect is the same however often it runs (an append guarded by the entry's id, a set to a
 * value carried by the event). When every handler of an event type is one, the dispatcher skips claiming the event
 * id: two store writes fewer per event on hot read models such as a timeline.
 */
@FunctionalInterface
public interface Replayable<T> extends Consumer<T> {

    /** A replayable handler that writes a whole run of events at once: what hot read models should be. */
    @FunctionalInterface
    interface Batch<T> extends Replayable<T>, BatchConsumer<T> {

        @Override
        default void accept(T event) {
            acceptAll(List.of(event));
        }
    }
}
