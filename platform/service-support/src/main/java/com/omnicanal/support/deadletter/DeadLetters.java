package com.omnicanal.support.deadletter;

import com.omnicanal.events.EventHeaders;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lists and replays the messages that exhausted their attempts. Listing takes messages without acknowledging and
 * returns them all at the end, so nothing is lost by looking; replay sends a message back to its consumer queue only.
 */
public class DeadLetters {

    private final RabbitTemplate rabbit;
    private final List<String> queues;

    DeadLetters(RabbitTemplate rabbit, List<String> queues) {
        this.rabbit = rabbit;
        this.queues = queues;
    }

    List<String> queues() {
        return queues;
    }

    List<DeadLetterQueue> list(int limit) {
        return queues.stream().map(queue -> list(queue, limit)).toList();
    }

    DeadLetterQueue list(String queue, int limit) {
        return rabbit.execute(channel -> {
            List<DeadLetter> letters = new ArrayList<>();
            long count = channel.messageCount(dlq(queue));
            GetResponse response;
            long lastTag = -1;
            while (letters.size() < limit && (response = channel.basicGet(dlq(queue), false)) != null) {
                letters.add(describe(response));
                lastTag = response.getEnvelope().getDeliveryTag();
            }
            if (lastTag >= 0) {
                channel.basicNack(lastTag, true, true);
            }
            return new DeadLetterQueue(queue, dlq(queue), count, letters);
        });
    }

    /** Replays the dead letters of {@code queue} (only {@code eventId} when given); returns how many went back. */
    int replay(String queue, String eventId) {
        return Objects.requireNonNull(rabbit.execute(channel -> {
            int replayed = 0;
            long count = channel.messageCount(dlq(queue));
            List<Long> keep = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                GetResponse response = channel.basicGet(dlq(queue), false);
                if (response == null) {
                    break;
                }
                if (eventId == null || eventId.equals(header(response, EventHeaders.ID))) {
                    channel.basicPublish("", queue, response.getProps(), response.getBody());
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    replayed++;
                } else {
                    keep.add(response.getEnvelope().getDeliveryTag());
                }
            }
            requeue(channel, keep);
            return replayed;
        }));
    }

    boolean knows(String queue) {
        return queues.contains(queue);
    }

    public static String dlq(String queue) {
        return queue + ".dlq";
    }

    private static void requeue(Channel channel, List<Long> tags) throws IOException {
        for (long tag : tags) {
            channel.basicNack(tag, false, true);
        }
    }

    private static DeadLetter describe(GetResponse response) {
        return new DeadLetter(header(response, EventHeaders.ID), header(response, EventHeaders.TYPE),
                header(response, EventHeaders.SUBJECT), reason(response), response.getBody().length);
    }

    /** The root cause the consumer failed with (the retry wrapper's message says nothing). */
    private static String reason(GetResponse response) {
        String trace = header(response, "x-exception-stacktrace");
        int cause = trace == null ? -1 : trace.lastIndexOf("Caused by: ");
        if (cause < 0) {
            return header(response, "x-exception-message");
        }
        int end = trace.indexOf('\n', cause);
        return trace.substring(cause + "Caused by: ".length(), end < 0 ? trace.length() : end).strip();
    }

    private static String header(GetResponse response, String name) {
        Map<String, Object> headers = response.getProps().getHeaders();
        Object value = headers == null ? null : headers.get(name);
        return value == null ? null : value.toString();
    }

    /** The consumer queues of the {@code omniEvents} binding: {@code <destination>.<group>} per destination. */
    static List<String> consumerQueues(String destinations, String group) {
        if (destinations == null || destinations.isBlank() || group == null || group.isBlank()) {
            return List.of();
        }
        return Arrays.stream(destinations.split(",")).map(String::trim).map(d -> d + "." + group).toList();
    }
}
