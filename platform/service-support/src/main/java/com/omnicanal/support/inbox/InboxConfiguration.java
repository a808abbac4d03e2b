package com.omnicanal.support.inbox;

import com.omnicanal.events.EventTypes;
import com.omnicanal.events.IntegrationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
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
            @org.springframework.beans.factory.annotation.Value("${omni.events.processed-retention:7d}")
            java.time.Duration retention) {
        return new ProcessedEventsPurge(mongo, retention);
    }

    @Bean
    @ConditionalOnProperty(name = "spring.cloud.function.definition", havingValue = "omniEvents")
    EventDispatcher omniEvents(ListableBeanFactory beans, IdempotentConsumer idempotent, JsonMapper json,
                               ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventDispatcher(handlers(beans), idempotent, json,
                new EventTracing(tracer.getIfAvailable(), propagator.getIfAvailable()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, EventDispatcher.EventHandler> handlers(ListableBeanFactory beans) {
        Map<String, EventDispatcher.EventHandler> handlers = new HashMap<>();
        for (Class<? extends IntegrationEvent> type : EventTypes.all()) {
            String[] names = beans.getBeanNamesForType(ResolvableType.forClassWithGenerics(Consumer.class, type));
            Consumer<Object> all = event -> { };
            boolean replayable = true;
            for (String name : names) {
                Consumer<Object> handler = (Consumer<Object>) beans.getBean(name);
                all = all.andThen(handler); // every feature that cares, in one claim
                replayable &= handler instanceof Replayable<?>;
            }
            if (names.length > 0) {
                handlers.put(EventTypes.typeOf(type), new EventDispatcher.EventHandler(type, all, replayable));
            }
        }
        return handlers;
    }
}
