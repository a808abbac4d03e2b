package com.omnicanal.feedback.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/** Service-wide delays per channel after a trigger, unless a survey says otherwise (e-mail: the next day). */
@ConfigurationProperties("omni.feedback.distribution")
record Distribution(Map<String, Duration> delays) {

    Distribution {
        delays = delays == null ? Map.of("email", Duration.ofHours(24)) : Map.copyOf(delays);
    }
}
