package com.omnicanal.profile.timeline;

import java.time.Instant;
import java.util.Map;

/** One thing in a customer's history, from this service or any other: what, when, on which channel, from where. */
record TimelineEntry(String eventId, Instant at, String type, String channel, String source, String summary,
                     Map<String, Object> details) {
}
