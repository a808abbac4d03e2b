package com.omnicanal.support.inbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.Map;

/** Continues the trace of the request that produced an event (its {@code traceparent}) while it is consumed. */
class EventTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** {@code headers}: those of the (first) event the work is for; {@code name}: what the span says it did. */
    void inSpan(Map<String, Object> headers, String name, Runnable work) {
        if (tracer == null || propagator == null) {
            work.run();
            return;
        }
        Span span = propagator.extract(headers, (carrier, key) -> {
            Object value = carrier.get(key);
            return value == null ? null : value.toString();
        }).name(name).kind(Span.Kind.CONSUMER).start();
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
