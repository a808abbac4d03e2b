package com.omnicanal.support.timer;

/**
 * A scheduled moment has come for {@code subject} (what the service scheduled it for, e.g. an enrolment id); the
 * token says which wait it ends, so a stale one is ignored by the listener.
 */
public record TimerDue(String subject, String token) {
}
