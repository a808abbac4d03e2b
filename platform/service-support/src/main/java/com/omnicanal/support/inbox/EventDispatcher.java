package com.omnicanal.support.inbox;

import com.omnicanal.events.EventHeaders;
import com.omnicanal.events.EventTypes;
import com.omnicanal.events.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one stream function of a consuming service ({@code omniEvents}). The binder hands it the events that arrived
 * together (consumer-side batching); each run of one type goes to the service's handlers at once: the replayable
 * handlers take the run in one call; the others run one event at a time under claims taken and settled in one bulk
 * each. An event that fails is retried alone and, after its last attempt, dead-lettered alone.
 */
public class EventDispatcher implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<String, EventHandler> handlers;
    private final IdempotentConsumer idempotent;
    private final JsonMapper json;
    private final EventTracing tracing;
    private final Retries retries;

    /**
     * Every handler of one event type: the {@link Replayable} ones run without a claim, a run at once; the others
     * under the event's claim, one event at a time.
     */
    record EventHandler(Class<? extends IntegrationEvent> type, List<Consumer<Object>> replayables,
                        List<Consumer<Object>> claimed) {

        boolean replayable() {
            return claimed.isEmpty();
        }

        void accept(Object event) {
            replayables.forEach(consumer -> consumer.accept(event));
            claimed.forEach(consumer -> consumer.accept(event));
        }

        boolean claimsRuns() {
            return claimed.stream().anyMatch(BatchConsumer.class::isInstance);
        }

        boolean claimsOnes() {
            return claimed.stream().anyMatch(consumer -> !(consumer instanceof BatchConsumer<?>));
        }

        /** The claimed handlers that take a run at once. */
        void acceptClaimedRun(List<Object> events) {
            claimed.stream().filter(BatchConsumer.class::isInstance).forEach(consumer -> acceptAll(consumer, events));
        }

        /** The claimed handlers that take one event at a time. */
        void acceptClaimedOne(Object event) {
            claimed.stream().filter(consumer -> !(consumer instanceof BatchConsumer<?>))
                    .forEach(consumer -> consumer.accept(event));
        }

        void acceptReplayables(List<Object> events) {
            replayables.forEach(consumer -> acceptAll(consumer, events));
        }

        @SuppressWarnings("unchecked")
        private static void acceptAll(Consumer<Object> consumer, List<Object> events) {
            if (consumer instanceof BatchConsumer<?> batch) {
                ((BatchConsumer<Object>) batch).acceptAll(events);
            } else {
                events.forEach(consumer);
            }
        }
    }

    /** An event whose handling failed, with why. */
    record Failure(Delivery delivery, RuntimeException cause) {
    }

    EventDispatcher(Map<String, EventHandler> handlers, IdempotentConsumer idempotent, JsonMapper json,
                    EventTracing tracing, Retries retries) {
        this.handlers = handlers;
        this.idempotent = idempotent;
        this.json = json;
        this.tracing = tracing;
        this.retries = retries;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<Failure> failures = new ArrayList<>();
        List<Delivery> deliveries = decode(batch, failures);
        for (List<Delivery> run : runs(deliveries)) {
            failures.addAll(handleRun(run));
        }
        failures.forEach(failure -> retries.settle(failure, this::handleOne));
    }

    /** The batch's events this service handles, in arrival order; one that cannot be read fails at once. */
    private List<Delivery> decode(Message<List<byte[]>> batch, List<Failure> failures) {
        List<byte[]> bodies = batch.getPayload();
        List<Map<String, Object>> headers = batchedHeaders(batch, bodies.size());
        List<Delivery> deliveries = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            Map<String, Object> h = headers.get(i);
            String type = text(h, EventHeaders.TYPE);
            String id = text(h, EventHeaders.ID);
            EventHandler handler = type == null ? null : handlers.get(EventTypes.registered(type));
            if (handler == null || id == null) {
                log.debug("ignoring event {} of type {}: no handler here", id, type);
                continue;
            }
            Delivery unread = new Delivery(id, EventTypes.registered(type), null,
                    Boolean.TRUE.equals(h.get(AmqpHeaders.REDELIVERED)), text(h, AmqpHeaders.CONSUMER_QUEUE), bodies.get(i), h);
            try {
                deliveries.add(unread.with(json.readValue(bodies.get(i), handler.type())));
            } catch (RuntimeException unreadable) {
                failures.add(new Failure(unread, unreadable));
            }
        }
        return deliveries;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> batchedHeaders(Message<List<byte[]>> batch, int size) {
        Object batched = batch.getHeaders().get(AmqpInboundChannelAdapter.CONSOLIDATED_HEADERS);
        if (batched instanceof List<?> list && list.size() == size) {
            return (List<Map<String, Object>>) list;
        }
        return Collections.nCopies(size, batch.getHeaders()); // a batch of one without consolidated headers
    }

    /** Consecutive deliveries of one type, so order between types is kept while same-type work is batched. */
    private static List<List<Delivery>> runs(List<Delivery> deliveries) {
        List<List<Delivery>> runs = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (runs.isEmpty() || !runs.getLast().getFirst().type().equals(delivery.type())) {
                runs.add(new ArrayList<>());
            }
            runs.getLast().add(delivery);
        }
        return runs;
    }

    private List<Failure> handleRun(List<Delivery> run) {
        String type = run.getFirst().type();
        EventHandler handler = handlers.get(type);
        if (!handler.replayables().isEmpty()) {
            try {
                tracing.inSpan(run.getFirst().headers(), "consume " + type + " x" + run.size(),
                        () -> handler.acceptReplayables(run.stream().map(Delivery::event).toList()));
            } catch (RuntimeException e) {
                return run.stream().map(d -> new Failure(d, e)).toList(); // each is retried alone, every handler
            }
        }
        if (handler.replayable()) {
            idempotent.replayed(type, run.size());
            return List.of();
        }
        return handleClaimed(type, handler, run);
    }

    private List<Failure> handleClaimed(String type, EventHandler handler, List<Delivery> run) {
        Map<String, Delivery> distinct = new LinkedHashMap<>();
        run.forEach(d -> distinct.putIfAbsent(d.id(), d));
        Map<String, Boolean> redelivered = new LinkedHashMap<>();
        distinct.values().forEach(d -> redelivered.put(d.id(), d.redelivered()));
        Set<String> claimed = idempotent.claimAll(type, redelivered, run.size() - distinct.size());
        List<Delivery> mine = distinct.values().stream().filter(d -> claimed.contains(d.id())).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        if (handler.claimsRuns()) {
            try {
                tracing.inSpan(mine.getFirst().headers(), "consume " + type + " x" + mine.size(),
                        () -> handler.acceptClaimedRun(mine.stream().map(Delivery::event).toList()));
            } catch (RuntimeException e) {
                idempotent.releaseAll(mine.stream().map(Delivery::id).toList());
                return mine.stream().map(d -> new Failure(d, e)).toList(); // each is retried alone, every handler
            }
        }
        if (!handler.claimsOnes()) { // the run did it all: no span and no call per event
            idempotent.doneAll(type, mine.stream().map(Delivery::id).toList());
            return List.of();
        }
        List<String> done = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Delivery delivery : mine) {
            try {
                tracing.inSpan(delivery.headers(), "consume " + type, () -> handler.acceptClaimedOne(delivery.event()));
                done.add(delivery.id());
            } catch (RuntimeException e) {
                idempotent.releaseAll(List.of(delivery.id()));
                failures.add(new Failure(delivery, e));
            }
        }
        idempotent.doneAll(type, done);
        return failures;
    }

    /** One event on its own, as a retry does it. */
    private void handleOne(Delivery delivery) {
        EventHandler handler = handlers.get(delivery.type());
        Object event = Objects.requireNonNullElseGet(delivery.event(),
                () -> json.readValue(delivery.body(), handler.type()));
        Runnable effect = () -> handler.accept(event);
        tracing.inSpan(delivery.headers(), "consume " + delivery.type(), handler.replayable()
                ? () -> idempotent.replay(delivery.type(), effect)
                : () -> idempotent.once(delivery.id(), delivery.type(), delivery.redelivered(), effect));
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
