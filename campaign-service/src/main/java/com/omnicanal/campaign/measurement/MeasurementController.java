package com.omnicanal.campaign.measurement;

import org.bson.Document;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * A journey's live counters — in total and per phase, step, channel and variant; suppressions by reason; revenue —
 * and its A/B results on a metric, read from one document (nothing is recomputed by scanning).
 */
@RestController
class MeasurementController {

    private static final List<String> METRICS = List.of("converted", "clicked", "replied", "read", "delivered", "sent");

    private final Counters counters;

    MeasurementController(Counters counters) {
        this.counters = counters;
    }

    record Stats(String journeyId, Document total, Document phases, Document steps, Document channels,
                 Document variants, Document suppressedBy, double revenue, String abMetric, List<AbTest.Result> ab) {
    }

    @GetMapping("/api/journeys/{id}/stats")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
    Stats stats(@PathVariable String id, @RequestParam(defaultValue = "converted") String metric) {
        if (!METRICS.contains(metric)) {
            throw new com.omnicanal.support.problem.InvalidRequestException("metric", "one of " + METRICS);
        }
        Document d = counters.of(id).orElseGet(Document::new);
        Document total = d.get("total", new Document());
        Number cents = total.get("revenueCents", Number.class);
        return new Stats(id, total, d.get("phases", new Document()), d.get("steps", new Document()),
                d.get("channels", new Document()), d.get("variants", new Document()),
                d.get("suppressedBy", new Document()), cents == null ? 0 : cents.longValue() / 100.0, metric,
                AbTest.compare(d.get("variants", Document.class), metric));
    }
}
