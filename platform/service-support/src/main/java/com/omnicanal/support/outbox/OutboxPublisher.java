package com.omnicanal.support.outbox;

import com.omnicanal.events.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Publishes outbox entries as persistent CloudEvents messages and reports which ones the broker confirmed. */
class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;

    OutboxPublisher(RabbitTemplate rabbit, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
    }

    List<OutboxEntry> publish(List<OutboxEntry> entries) {
        List<CorrelationData> sent = new ArrayList<>();
        try {
            rabbit.invoke(ops -> { // one channel for the whole batch: a checkout and return per message cost a sixth
                for (OutboxEntry entry : entries) {
                    CorrelationData correlation = new CorrelationData(entry.id());
                    ops.send(entry.exchange(), entry.type(), message(entry), correlation);
                    sent.add(correlation);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("broker unavailable, {} events stay in the outbox: {}", entries.size() - sent.size(), e.toString());
        }
        return confirmed(entries, sent);
    }

    private List<OutboxEntry> confirmed(List<OutboxEntry> entries, List<CorrelationData> sent) {
        List<OutboxEntry> confirmed = new ArrayList<>();
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (int i = 0; i < sent.size(); i++) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                if (sent.get(i).getFuture().get(left, TimeUnit.NANOSECONDS).ack()) {
                    confirmed.add(entries.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.debug("no confirm for {}: {}", sent.get(i).getId(), e.toString());
            }
        }
        return confirmed;
    }

    private static Message message(OutboxEntry entry) {
        MessageProperties props = new MessageProperties();
        props.setContentType("application/json");
        props.setContentEncoding("utf-8");
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setMessageId(entry.id());
        props.setHeader(EventHeaders.SPEC_VERSION, "1.0");
        props.setHeader(EventHeaders.ID, entry.id());
        props.setHeader(EventHeaders.TYPE, entry.type());
        props.setHeader(EventHeaders.SOURCE, entry.source());
        props.setHeader(EventHeaders.TIME, entry.time().toString());
        if (entry.subject() != null) {
            props.setHeader(EventHeaders.SUBJECT, entry.subject());
        }
        if (entry.traceparent() != null) {
            props.setHeader(EventHeaders.TRACEPARENT, entry.traceparent());
        }
        return new Message(entry.payload().getBytes(StandardCharsets.UTF_8), props);
    }
}
