package com.omnicanal.campaign.timer;

/** A scheduled moment has come for an enrolment; the token says which wait it ends (a stale one is ignored). */
public record TimerDue(String enrollmentId, String token) {
}
