package com.omnicanal.support.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Properties;

/** Dead-letter visibility (metric + admin endpoint) for a service that consumes events. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.cloud.function.definition", havingValue = "omniEvents")
public class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(RabbitTemplate rabbit, AmqpAdmin admin, MeterRegistry meters,
                            @Value("${spring.cloud.stream.bindings.omniEvents-in-0.destination:}") String destinations,
                            @Value("${spring.cloud.stream.bindings.omniEvents-in-0.group:}") String group) {
        DeadLetters deadLetters = new DeadLetters(rabbit, DeadLetters.consumerQueues(destinations, group));
        deadLetters.queues().forEach(queue -> Gauge.builder("omni.dead_letters", admin, a -> depth(a, DeadLetters.dlq(queue)))
                .tag("queue", queue).register(meters));
        return deadLetters;
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    private static double depth(AmqpAdmin admin, String queue) {
        try {
            Properties props = admin.getQueueProperties(queue);
            return props == null ? 0 : ((Number) props.get("QUEUE_MESSAGE_COUNT")).doubleValue();
        } catch (RuntimeException brokerDown) {
            return Double.NaN;
        }
    }
}
