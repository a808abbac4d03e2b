package com.omnicanal.support.outbox;

import com.omnicanal.events.EventHeaders;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox entries as persistent CloudEvents messages and reports which ones the broker confirmed. It owns one
 * confirm-mode channel (only the relay's thread uses it): a batch is published and its confirms awaited together,
 * without the template's per-message correlation, conversion and channel proxy, which were most of the relay's CPU
 * (profiled). A batch is confirmed whole or not at all: what is not confirmed stays in the outbox and goes again
 * (consumers are idempotent). The channel is on a connection of its own whose writes are held while a batch is
 * published ({@link HeldWrites}), so the batch reaches the broker in large writes: on the service's shared connection
 * each publish was a write of its own, and the broker spent a quarter more CPU per event in a broadcast (about 0.15
 * against 0.12 ms per member); over amqp-client's Netty transport each frame was one, handed to an event loop thread.
 * Over TLS, or where that connection cannot be opened (an address list other than the factory's own host), the shared
 * connection carries it as before.
 */
class OutboxPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final ConnectionFactory connections;
    private final Duration confirmTimeout;
    private Connection own;
    private HeldWrites held;
    private Channel channel;

    OutboxPublisher(ConnectionFactory connections, Duration confirmTimeout) {
        this.connections = connections;
        this.confirmTimeout = confirmTimeout;
    }

    List<OutboxEntry> publish(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        try {
            Channel open = channel();
            hold();
            try {
                for (OutboxEntry entry : entries) {
                    open.basicPublish(entry.exchange(), entry.type(), false, properties(entry),
                            entry.payload().getBytes(StandardCharsets.UTF_8));
                }
            } finally {
                release();
            }
            if (open.waitForConfirms(confirmTimeout.toMillis())) {
                return entries;
            }
            log.warn("the broker refused some of {} events: they stay in the outbox", entries.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardChannel();
        } catch (Exception e) { // unreachable, closed or too slow to confirm: start over on a new channel
            log.warn("broker unavailable, {} events stay in the outbox: {}", entries.size(), e.toString());
            discardChannel();
        }
        return List.of();
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = open();
            channel.confirmSelect();
        }
        return channel;
    }

    private Channel open() throws IOException {
        if (connections instanceof AbstractConnectionFactory spring && !spring.getRabbitConnectionFactory().isSSL()) {
            com.rabbitmq.client.ConnectionFactory factory = spring.getRabbitConnectionFactory().clone();
            HeldWrites sockets = new HeldWrites();
            factory.useBlockingIo();
            factory.setSocketFactory(sockets);
            try {
                own = factory.newConnection("omni-outbox");
                held = sockets;
                return own.createChannel();
            } catch (IOException | TimeoutException | RuntimeException e) {
                log.debug("the outbox's own connection to {}:{} could not be opened ({}); it publishes on the shared one",
                        factory.getHost(), factory.getPort(), e.toString());
                closeOwn();
            }
        }
        return connections.createConnection().getDelegate().createChannel();
    }

    private void discardChannel() {
        Channel old = channel;
        channel = null;
        if (old != null && old.isOpen()) {
            try {
                old.abort();
            } catch (Exception ignored) {
                // already unusable: nothing left to release
            }
        }
        closeOwn();
    }

    private void hold() {
        if (held != null) {
            held.hold();
        }
    }

    private void release() throws IOException {
        if (held != null) {
            held.release();
        }
    }

    private void closeOwn() {
        Connection old = own;
        own = null;
        held = null;
        if (old != null) {
            old.abort(); // quietly: it failed or the service stops
        }
    }

    @Override
    public void close() {
        discardChannel();
    }

    private static AMQP.BasicProperties properties(OutboxEntry entry) {
        Map<String, Object> headers = new HashMap<>(8);
        headers.put(EventHeaders.SPEC_VERSION, "1.0");
        headers.put(EventHeaders.ID, entry.id());
        headers.put(EventHeaders.TYPE, entry.type());
        headers.put(EventHeaders.SOURCE, entry.source());
        headers.put(EventHeaders.TIME, entry.time().toString());
        if (entry.subject() != null) {
            headers.put(EventHeaders.SUBJECT, entry.subject());
        }
        if (entry.traceparent() != null) {
            headers.put(EventHeaders.TRACEPARENT, entry.traceparent());
        }
        return new AMQP.BasicProperties.Builder().contentType("application/json").contentEncoding("utf-8")
                .deliveryMode(2).priority(0).messageId(entry.id()).headers(headers).build();
    }
}
