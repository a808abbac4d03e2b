package com.omnicanal.support.outbox;

import org.springframework.data.mongodb.core.query.Update;

import java.util.Set;

/**
 * The marks a state write must carry so the relay knows the write happened: the ids of the events it produces,
 * stored in the aggregate's {@value #FIELD} array in the same single-document write (no transaction needed).
 */
public record PendingEvents(Set<String> ids) {

    public static final String FIELD = "_outbox";

    /** Adds the marks to an update of the aggregate document (new ids: a push, no set comparison in the store). */
    public Update mark(Update update) {
        return update.push(FIELD).each(ids.toArray());
    }
}
