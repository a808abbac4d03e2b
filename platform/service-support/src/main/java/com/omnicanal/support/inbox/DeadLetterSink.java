package com.omnicanal.support.inbox;

import com.omnicanal.support.deadletter.DeadLetters;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts one event that exhausted its attempts on its queue's dead-letter queue, with the CloudEvents headers it came
 * with and why it failed (what the dead-letter admin endpoint lists and replays). Waits for the broker's confirm:
 * if none comes, the batch fails and the broker keeps every message of it.
 */
class DeadLetterSink {

    private static final long CONFIRM_SECONDS = 10;
    private static final int MAX_TRACE = 16_000;

    private final RabbitTemplate rabbit;

    DeadLetterSink(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    void send(Delivery delivery, RuntimeException cause) {
        if (delivery.queue() == null) {
            throw new IllegalStateException("no consumer queue for event " + delivery.id(), cause);
        }
        MessageProperties props = new MessageProperties();
        delivery.headers().forEach((name, value) -> {
            if (!name.startsWith("amqp_") && !name.equals("id") && !name.equals("timestamp")
                    && !name.equals("contentType")) {
                props.setHeader(name, value);
            }
        });
        props.setContentType("application/json");
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setHeader("x-original-queue", delivery.queue());
        props.setHeader("x-exception-message", String.valueOf(cause.getMessage()));
        props.setHeader("x-exception-stacktrace", stackTrace(cause));
        CorrelationData confirm = new CorrelationData(delivery.id());
        rabbit.send("", DeadLetters.dlq(delivery.queue()), new Message(delivery.body(), props), confirm);
        awaitConfirm(confirm, delivery.id());
    }

    private static void awaitConfirm(CorrelationData confirm, String id) {
        try {
            if (!confirm.getFuture().get(CONFIRM_SECONDS, TimeUnit.SECONDS).ack()) {
                throw new IllegalStateException("the broker refused dead letter " + id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no confirm for dead letter " + id, e);
        }
    }

    private static String stackTrace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() <= MAX_TRACE ? trace : trace.substring(0, MAX_TRACE); // headers must fit one frame
    }
}
