package com.omnicanal.support.inbox;

import com.omnicanal.events.EventTypes;
import com.omnicanal.events.IntegrationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Idempotent consumption for every service, and the {@code omniEvents} dispatcher for a service that binds it
 * ({@code spring.cloud.function.definition: omniEvents}).
 */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo, MeterRegistry meters) {
        return new IdempotentConsumer(mongo, meters);
    }

    @Bean
    ProcessedEventsPurge processedEventsPurge(MongoTemplate mongo,
            @Value("${omni.events.processed-retention:7d}") Duration retention) {
        return new ProcessedEventsPurge(mongo, retention);
    }

    @Bean
    @ConditionalOnProperty(name = "spring.cloud.function.definition", havingValue = "omniEvents")
    EventDispatcher omniEvents(ListableBeanFactory beans, IdempotentConsumer idempotent, JsonMapper json,
                               ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                               RabbitTemplate rabbit, @Value("${omni.events.attempts:3}") int attempts,
                               @Value("${omni.events.first-retry-pause:200ms}") Duration firstPause,
                               @Value("${omni.events.longest-retry-pause:2s}") Duration longestPause) {
        return new EventDispatcher(handlers(beans), idempotent, json,
                new EventTracing(tracer.getIfAvailable(), propagator.getIfAvailable()),
                new Retries(attempts, firstPause, longestPause, new DeadLetterSink(rabbit)));
    }

    /** A consumer batch is handed over when full or when its first event has waited this long, whichever is first. */
    @Bean
    @ConditionalOnProperty(name = "spring.cloud.function.definition", havingValue = "omniEvents")
    ListenerContainerCustomizer<MessageListenerContainer> boundedBatchWait(
            @Value("${omni.events.batch-wait:20ms}") Duration wait) {
        return (container, destination, group) -> {
            if (container instanceof SimpleMessageListenerContainer simple) {
                simple.setBatchReceiveTimeout(wait.toMillis());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, EventDispatcher.EventHandler> handlers(ListableBeanFactory beans) {
        Map<String, EventDispatcher.EventHandler> handlers = new HashMap<>();
        for (Class<? extends IntegrationEvent> type : EventTypes.all()) {
            String[] names = beans.getBeanNamesForType(ResolvableType.forClassWithGenerics(Consumer.class, type));
            List<Consumer<Object>> replayables = new ArrayList<>();
            List<Consumer<Object>> claimed = new ArrayList<>(); // every other feature that cares, under one claim
            for (String name : names) {
                Consumer<Object> handler = (Consumer<Object>) beans.getBean(name);
                (handler instanceof Replayable<?> ? replayables : claimed).add(handler);
            }
            if (names.length > 0) {
                handlers.put(EventTypes.typeOf(type), new EventDispatcher.EventHandler(type, List.copyOf(replayables),
                        List.copyOf(claimed)));
            }
        }
        return handlers;
    }
}
