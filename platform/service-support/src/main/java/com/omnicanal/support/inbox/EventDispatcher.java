package com.omnicanal.support.inbox;

import com.omnicanal.events.EventHeaders;
import com.omnicanal.events.EventTypes;
import com.omnicanal.events.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The one stream function of a consuming service ({@code omniEvents}): reads the CloudEvents type, decodes the
 * record and hands it, once per event id, to the service's {@code Consumer<SomeEvent>} bean.
 */
public class EventDispatcher implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<String, EventHandler> handlers;
    private final IdempotentConsumer idempotent;
    private final JsonMapper json;
    private final EventTracing tracing;

    /** {@code replayable}: every handler of the type is a {@link Replayable}, so no claim is needed. */
    record EventHandler(Class<? extends IntegrationEvent> type, Consumer<Object> consumer, boolean replayable) {
    }

    EventDispatcher(Map<String, EventHandler> handlers, IdempotentConsumer idempotent, JsonMapper json,
                    EventTracing tracing) {
        this.handlers = handlers;
        this.idempotent = idempotent;
        this.json = json;
        this.tracing = tracing;
    }

    @Override
    public void accept(Message<byte[]> message) {
        String type = header(message, EventHeaders.TYPE);
        String id = header(message, EventHeaders.ID);
        EventHandler handler = type == null ? null : handlers.get(EventTypes.registered(type));
        if (handler == null || id == null) {
            log.debug("ignoring event {} of type {}: no handler here", id, type);
            return;
        }
        Object event = json.readValue(message.getPayload(), handler.type());
        boolean redelivered = Boolean.TRUE.equals(message.getHeaders().get(AmqpHeaders.REDELIVERED));
        Runnable effect = () -> handler.consumer().accept(event);
        tracing.inSpan(message, type, handler.replayable() ? () -> idempotent.replay(type, effect)
                : () -> idempotent.once(id, type, redelivered, effect));
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value == null ? null : value.toString();
    }
}
