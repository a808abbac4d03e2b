package com.omnicanal.support.inbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.messaging.Message;

/** Continues the trace of the request that produced an event (its {@code traceparent}) while it is consumed. */
class EventTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    void inSpan(Message<?> message, String type, Runnable work) {
        if (tracer == null || propagator == null) {
            work.run();
            return;
        }
        Span span = propagator.extract(message, (carrier, key) -> {
            Object value = carrier.getHeaders().get(key);
            return value == null ? null : value.toString();
        }).name("consume " + type).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
