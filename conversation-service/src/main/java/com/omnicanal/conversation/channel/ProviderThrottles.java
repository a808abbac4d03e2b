package com.omnicanal.conversation.channel;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The send rates the providers allow, per channel ({@code omni.channels.throttles.sms: 50/s}; also {@code /min} and
 * {@code /h}), kept with a token bucket each (Bucket4j): a send over the rate waits its turn up to
 * {@code omni.channels.throttle-wait}, else it is deferred to when the channel has room, never moved to another
 * channel (the customer's preferred one is only busy). The buckets are this instance's: with several instances, give
 * each its share of the provider's limit.
 */
@Component
public class ProviderThrottles {

    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(s|min|h)");

    private final Map<String, Throttle> throttles = new HashMap<>();
    private final Duration wait;

    /** A channel's limit as configured, and its bucket. */
    private record Throttle(String rate, Bucket bucket) {
    }

    ProviderThrottles(ChannelsProperties properties) {
        this.wait = properties.throttleWait();
        properties.throttles().forEach((channel, rate) -> throttles.put(channel, new Throttle(rate.strip(),
                Bucket.builder().addLimit(bandwidth(channel, rate)).build())));
    }

    /** Empty when the channel may carry one more message now (after waiting its turn); else when it may next. */
    public Optional<Instant> take(String channel) {
        Throttle throttle = throttles.get(channel);
        if (throttle == null || consumed(throttle.bucket())) {
            return Optional.empty();
        }
        long nanos = throttle.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Instant.now().plusNanos(Math.max(nanos, Duration.ofSeconds(1).toNanos())));
    }

    private boolean consumed(Bucket bucket) {
        if (!wait.isPositive()) {
            return bucket.tryConsume(1);
        }
        try {
            return bucket.asBlocking().tryConsume(1, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The configured rate, as the decisions name it (e.g. {@code 50/s}). */
    public String rateOf(String channel) {
        Throttle throttle = throttles.get(channel);
        return throttle == null ? "unlimited" : throttle.rate();
    }

    /** N per second, minute or hour, its whole N available at once (a provider's burst), refilled evenly. */
    static Bandwidth bandwidth(String channel, String rate) {
        Matcher m = RATE.matcher(rate.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("omni.channels.throttles." + channel + " must be a rate such as 50/s, "
                    + "3000/min or 100000/h, not '" + rate + "'");
        }
        long tokens = Long.parseLong(m.group(1));
        Duration period = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "min" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return Bandwidth.builder().capacity(tokens).refillGreedy(tokens, period).build();
    }
}
