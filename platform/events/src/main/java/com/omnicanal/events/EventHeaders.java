package com.omnicanal.events;

/** CloudEvents 1.0 attributes as carried in AMQP headers (blueprint §3). */
public final class EventHeaders {

    public static final String SPEC_VERSION = "ce-specversion";
    public static final String ID = "ce-id";
    public static final String TYPE = "ce-type";
    public static final String SOURCE = "ce-source";
    public static final String TIME = "ce-time";
    public static final String SUBJECT = "ce-subject";
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
