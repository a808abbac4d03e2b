package com.omnicanal.profile.customer;

import org.bson.Document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Counters kept as activities arrive, so the lifecycle stage and segment conditions are read, never recomputed by
 * scanning: acquisition (no purchase yet), transaction (first purchase), growth (repeat buyer), retention (a repeat
 * buyer whose last purchase is older than 90 days), reactivation (a purchase after 180 days without one).
 */
public record ActivitySummary(int purchases, Instant firstPurchaseAt, Instant lastPurchaseAt, Instant lastActivityAt,
                              String stage, BigDecimal lastPurchaseAmount, BigDecimal totalSpent, Instant lastVisitAt) {

    public static final ActivitySummary NONE = new ActivitySummary(0, null, null, null, "acquisition", null,
            BigDecimal.ZERO, null);

    private static final Duration DORMANT = Duration.ofDays(180);
    private static final Duration RETAINING = Duration.ofDays(90);

    public ActivitySummary {
        totalSpent = totalSpent == null ? BigDecimal.ZERO : totalSpent;
    }

    /** The summary after one more activity; out-of-order activities only move the dates they precede. */
    public ActivitySummary record(String type, BigDecimal amount, Instant at) {
        Instant lastActivity = max(lastActivityAt, at);
        Instant lastVisit = "store_visit".equals(type) ? max(lastVisitAt, at) : lastVisitAt;
        if (!"purchase".equals(type)) {
            return new ActivitySummary(purchases, firstPurchaseAt, lastPurchaseAt, lastActivity, stage,
                    lastPurchaseAmount, totalSpent, lastVisit);
        }
        boolean reactivated = lastPurchaseAt != null && at.isAfter(lastPurchaseAt.plus(DORMANT));
        int count = purchases + 1;
        String next = reactivated ? "reactivation" : count == 1 ? "transaction" : "growth";
        boolean latest = lastPurchaseAt == null || !at.isBefore(lastPurchaseAt);
        return new ActivitySummary(count, min(firstPurchaseAt, at), max(lastPurchaseAt, at), lastActivity, next,
                latest ? amount : lastPurchaseAmount, amount == null ? totalSpent : totalSpent.add(amount), lastVisit);
    }

    /** The stage as of now: a repeat buyer with no purchase in the last 90 days is in retention. */
    public String stageAt(Instant now) {
        if ("growth".equals(stage) && lastPurchaseAt != null && lastPurchaseAt.isBefore(now.minus(RETAINING))) {
            return "retention";
        }
        return stage;
    }

    /** As the profile stores it (what the mapping writes, nulls left out), for bulk writes that skip the mapping. */
    public Document document() {
        Document d = new Document("purchases", purchases);
        put(d, "firstPurchaseAt", firstPurchaseAt);
        put(d, "lastPurchaseAt", lastPurchaseAt);
        put(d, "lastActivityAt", lastActivityAt);
        put(d, "stage", stage);
        put(d, "lastPurchaseAmount", lastPurchaseAmount);
        put(d, "totalSpent", totalSpent);
        put(d, "lastVisitAt", lastVisitAt);
        return d;
    }

    private static void put(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value instanceof Instant at ? Date.from(at) : value);
        }
    }

    public static ActivitySummary combine(ActivitySummary a, ActivitySummary b) {
        int count = a.purchases + b.purchases;
        String stage = count == 0 ? "acquisition" : count == 1 ? "transaction" : "growth";
        boolean aLatest = b.lastPurchaseAt == null || (a.lastPurchaseAt != null && a.lastPurchaseAt.isAfter(b.lastPurchaseAt));
        return new ActivitySummary(count, min(a.firstPurchaseAt, b.firstPurchaseAt), max(a.lastPurchaseAt,
                b.lastPurchaseAt), max(a.lastActivityAt, b.lastActivityAt), stage,
                aLatest ? a.lastPurchaseAmount : b.lastPurchaseAmount, a.totalSpent.add(b.totalSpent),
                max(a.lastVisitAt, b.lastVisitAt));
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
