package com.omnicanal.testing;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private queue bound to an exchange, to see the events a service really published. One consumer stays subscribed
 * and buffers what arrives: a subscribe and cancel per message cost the broker (and a benchmark) more than the
 * publishing service did.
 */
public final class EventTap implements AutoCloseable {

    private final BlockingQueue<Message> arrived = new LinkedBlockingQueue<>();
    private final SimpleMessageListenerContainer consumer;
    private final String queue;

    EventTap(ConnectionFactory connections, String queue) {
        this.queue = queue;
        consumer = new SimpleMessageListenerContainer(connections);
        consumer.setQueueNames(queue);
        consumer.setPrefetchCount(500);
        // taken as delivered: an acknowledgement per message is broker work beside the system a benchmark measures, and
        // what arrives is kept in memory here anyway
        consumer.setAcknowledgeMode(AcknowledgeMode.NONE);
        consumer.setMessageListener(arrived::add);
        consumer.start();
    }

    private Message receive(long millis) {
        try {
            return arrived.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The first event matching {@code wanted} within {@code timeout}; others are consumed and skipped. */
    public Message await(Predicate<Message> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Message message = receive(500);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching event on " + queue + " within " + timeout);
    }

    /** The next event, or null when none arrives within {@code timeout} (for callers that time events themselves). */
    public Message poll(Duration timeout) {
        return receive(timeout.toMillis());
    }

    /** How many events arrive within {@code timeout}, stopping early once {@code expected} have. */
    public long count(Duration timeout, long expected) {
        Instant deadline = Instant.now().plus(timeout);
        long seen = 0;
        while (seen < expected && Instant.now().isBefore(deadline)) {
            if (receive(500) != null) {
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

    @Override
    public void close() {
        consumer.stop();
    }
}
