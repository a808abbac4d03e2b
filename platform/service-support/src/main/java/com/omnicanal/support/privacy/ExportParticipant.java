package com.omnicanal.support.privacy;

import java.util.Map;

/** A feature that holds personal data and shows it for the person's right of access (the privacy export). */
@FunctionalInterface
public interface ExportParticipant {

    /** What this feature holds about the person, as named sections (e.g. {@code "enrollments"} → a list). */
    Map<String, Object> export(String profileId);
}
