package com.omnicanal.testing;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/** Direct access to the test broker: publish raw CloudEvents messages and look at queues, as another service would. */
public final class TestBroker implements AutoCloseable {

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final List<EventTap> taps = new CopyOnWriteArrayList<>();

    public TestBroker() {
        Infrastructure infra = Infrastructure.get();
        connections = new CachingConnectionFactory(infra.rabbitHost(), infra.rabbitPort());
        connections.setUsername(infra.rabbitUsername());
        connections.setPassword(infra.rabbitPassword());
        template = new RabbitTemplate(connections);
        admin = new RabbitAdmin(connections);
    }

    /** Publishes a JSON body with the CloudEvents headers our services expect. */
    public void publish(String exchange, String type, String id, String subject, String json) {
        MessageProperties props = new MessageProperties();
        props.setContentType("application/json");
        props.setHeader("ce-specversion", "1.0");
        props.setHeader("ce-id", id);
        props.setHeader("ce-type", type);
        props.setHeader("ce-source", "/tests");
        props.setHeader("ce-time", OffsetDateTime.now().toString());
        props.setHeader("ce-subject", subject);
        template.send(exchange, type, new Message(json.getBytes(StandardCharsets.UTF_8), props));
    }

    /** Messages ready in a queue, or -1 when the queue does not exist. */
    public int depth(String queue) {
        Properties props = admin.getQueueProperties(queue);
        return props == null ? -1 : ((Number) props.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).intValue();
    }

    /** A fresh exclusive queue (gone with this broker's connection) bound to {@code exchange} for the keys. */
    public EventTap tap(String exchange, String... routingKeys) {
        Queue queue = new Queue("test.tap." + java.util.UUID.randomUUID(), false, true, false);
        admin.declareExchange(new TopicExchange(exchange, true, false)); // as the publisher declares it; may not exist yet
        admin.declareQueue(queue);
        for (String key : routingKeys) {
            admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(exchange)).with(key));
        }
        EventTap tap = new EventTap(connections, queue.getName());
        taps.add(tap);
        return tap;
    }

    public RabbitTemplate template() {
        return template;
    }

    public RabbitAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        taps.forEach(EventTap::close);
        connections.destroy();
    }
}
