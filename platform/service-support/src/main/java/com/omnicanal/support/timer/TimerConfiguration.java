package com.omnicanal.support.timer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Durable timers for a service that sets {@code omni.timers.enabled=true}; the others never sweep. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "omni.timers.enabled", havingValue = "true")
@EnableScheduling
@Import({Timers.class, TimerSweeper.class})
public class TimerConfiguration {
}
