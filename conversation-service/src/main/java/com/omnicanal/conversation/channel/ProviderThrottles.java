package com.omnicanal.conversation.channel;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
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
 * channel (the customer's preferred one is only busy). The buckets live in the store ({@link StoreBuckets}), so every
 * instance of the service draws on the same rate ({@code omni.channels.throttle-scope: shared}, the default); with
 * {@code instance} each keeps its own in memory (then give each its share of the provider's limit).
 */
@Component
public class ProviderThrottles {

    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(s|min|h)");

    private final Map<String, Throttle> throttles = new HashMap<>();
    private final Duration wait;

    /** A channel's limit as configured, and its bucket. */
    private record Throttle(String rate, Bucket bucket) {
    }

    /** Buckets of this instance alone (tests, or {@code throttle-scope: instance}). */
    ProviderThrottles(ChannelsProperties properties) {
        this(properties, null);
    }

    @Autowired
    ProviderThrottles(ChannelsProperties properties, MongoTemplate mongo) {
        this.wait = properties.throttleWait();
        StoreBuckets shared = mongo != null && properties.sharesThrottles() ? new StoreBuckets(mongo) : null;
        properties.throttles().forEach((channel, rate) -> {
            Bandwidth limit = bandwidth(channel, rate);
            // keyed by the rate too: a changed limit starts a bucket of its own instead of inheriting the old one's
            throttles.put(channel, new Throttle(rate.strip(), shared == null ? Bucket.builder().addLimit(limit).build()
                    : shared.builder().build("throttle:" + channel + ":" + rate.replaceAll("\\s", ""),
                    () -> BucketConfiguration.builder().addLimit(limit).build())));
        });
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
