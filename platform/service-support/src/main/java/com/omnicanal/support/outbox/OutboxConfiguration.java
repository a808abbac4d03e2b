package com.omnicanal.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox of a service that publishes ({@code omni.events.source} set): its exchange, relay and writer. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("omni.events.source")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    TopicExchange omniExchange(@Value("${omni.events.source}") String source) {
        return new TopicExchange("omni." + source, true, false);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, ConnectionFactory connections, OutboxProperties properties,
                            MeterRegistry meters) {
        return new OutboxRelay(mongo, new OutboxPublisher(connections, properties.confirmTimeout()), properties, meters);
    }

    @Bean
    EventOutbox eventOutbox(MongoTemplate mongo, JsonMapper json, OutboxRelay relay, ObjectProvider<Tracer> tracer,
                            @Value("${spring.application.name}") String application,
                            @Value("${omni.events.source}") String context) {
        return new EventOutbox(mongo, json, relay, tracer, "/omnicanal/" + application, context);
    }
}
