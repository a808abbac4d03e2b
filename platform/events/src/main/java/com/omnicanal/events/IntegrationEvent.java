package com.omnicanal.events;

/** A fact one service tells the others; implementations are records annotated with {@link EventType}. */
public interface IntegrationEvent {

    /** The profile the event is about ({@code ce-subject}), or null when there is none. */
    String subject();
}
