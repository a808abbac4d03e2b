package com.omnicanal.profile.timeline;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** One thing in a customer's history, from this service or any other: what, when, on which channel, from where. */
record TimelineEntry(String eventId, Instant at, String type, String channel, String source, String summary,
                     Map<String, Object> details) {

    /** As stored: the fields in order, nulls left out (what the mapping wrote, so appends stay comparable). */
    Document document() {
        Document document = new Document("eventId", eventId).append("at", Date.from(at)).append("type", type);
        if (channel != null) {
            document.append("channel", channel);
        }
        return document.append("source", source).append("summary", summary).append("details", new Document(details));
    }
}
