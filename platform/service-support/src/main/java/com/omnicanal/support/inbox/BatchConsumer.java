package com.omnicanal.support.inbox;

import java.util.List;
import java.util.function.Consumer;

/**
 * An event handler that takes a run of events of its type at once, so a read model can write them in one bulk
 * operation instead of one round trip each. The dispatcher hands it every run it receives in a delivery batch.
 */
@FunctionalInterface
public interface BatchConsumer<T> extends Consumer<T> {

    void acceptAll(List<T> events);

    @Override
    default void accept(T event) {
        acceptAll(List.of(event));
    }
}
