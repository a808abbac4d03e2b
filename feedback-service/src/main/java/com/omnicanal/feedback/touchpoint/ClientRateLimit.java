package com.omnicanal.feedback.touchpoint;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (Bucket4j) for the public QR pages: scans and answers per minute. The client is the
 * address the gateway saw (the last {@code X-Forwarded-For} hop, which the gateway appends); the buckets are this
 * instance's, so with several instances a client gets up to that many times the limit.
 */
@Component
class ClientRateLimit {

    private static final int MAX_CLIENTS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    ClientRateLimit(@Value("${omni.feedback.qr.per-minute:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Zero when allowed, else the seconds until the client may try again. */
    long secondsToWait(HttpServletRequest request) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // bounded memory; a full refill for everyone is the safe side of forgetting
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(client(request), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
    }

    private static String client(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return request.getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
    }
}
