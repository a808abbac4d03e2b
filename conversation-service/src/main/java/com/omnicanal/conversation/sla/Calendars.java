package com.omnicanal.conversation.sla;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** Business-hours calendars (time zone, weekly hours, holidays), stored as their definitions. */
@Component
public class Calendars {

    private final MongoTemplate mongo;

    Calendars(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("calendars")
    record Stored(@Id String id, CalendarDefinition definition) {
    }

    void save(String id, CalendarDefinition definition) {
        definition.toCalendar(id); // refuses a bad definition before it is stored
        mongo.save(new Stored(id, definition));
    }

    Optional<CalendarDefinition> definition(String id) {
        return Optional.ofNullable(mongo.findById(id, Stored.class)).map(Stored::definition);
    }

    BusinessCalendar get(String id) {
        return id == null ? BusinessCalendar.always("always")
                : definition(id).map(d -> d.toCalendar(id)).orElse(BusinessCalendar.always(id));
    }

    /** True while the calendar's business hours are running (an unknown calendar is always open). */
    public boolean isOpen(String calendarId, Instant at) {
        return get(calendarId).isOpen(at);
    }
}
