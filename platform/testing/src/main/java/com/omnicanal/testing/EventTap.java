package com.omnicanal.testing;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** A private queue bound to an exchange, to see the events a service really published. */
public final class EventTap {

    private final RabbitTemplate template;
    private final String queue;

    EventTap(RabbitTemplate template, String queue) {
        this.template = template;
        this.queue = queue;
    }

    /** The first event matching {@code wanted} within {@code timeout}; others are consumed and skipped. */
    public Message await(Predicate<Message> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Message message = template.receive(queue, 500);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching event on " + queue + " within " + timeout);
    }

    /** The next event, or null when none arrives within {@code timeout} (for callers that time events themselves). */
    public Message poll(Duration timeout) {
        return template.receive(queue, timeout.toMillis());
    }

    /** How many events arrive within {@code timeout}, stopping early once {@code expected} have. */
    public long count(Duration timeout, long expected) {
        Instant deadline = Instant.now().plus(timeout);
        long seen = 0;
        while (seen < expected && Instant.now().isBefore(deadline)) {
            if (template.receive(queue, 500) != null) {
                seen++;
            }
        }
        return seen;
    }

    /** The first event of {@code type} about {@code subject}. */
    public Message await(String type, String subject) {
        return await(m -> type.equals(header(m, "ce-type")) && subject.equals(header(m, "ce-subject")),
                Duration.ofSeconds(30));
    }

    public static String header(Message message, String name) {
        Map<String, Object> headers = message.getMessageProperties().getHeaders();
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    public static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
