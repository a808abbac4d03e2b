package com.omnicanal.support.timer;

import java.util.List;

/**
 * Timers of one second that came due together, published instead of one {@link TimerDue} each when the service sets
 * {@code omni.timers.batch} above 1, so its listener can read and write for all of them in a few bulk operations.
 */
public record TimersDue(List<TimerDue> timers) {
}
