package com.omnicanal.campaign.enrollment;

import com.omnicanal.events.IntegrationEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The changes one engine run makes to one enrolment, held in memory: each step's {@code $set}/{@code $unset}/{@code
 * $inc} applied to the enrolment as it would be stored, its history entries and events kept in order, and what must only
 * happen once the change is stored (a timer, a registered wait, a variant count). {@link Enrollments} writes it as one
 * compare-and-set on the revision the run started from.
 */
final class Draft {

    private static final RecordComponent[] FIELDS = Enrollment.class.getRecordComponents();
    private static final Constructor<Enrollment> CANONICAL = canonical();
    private static final Map<String, Method> ACCESSORS = Arrays.stream(FIELDS)
            .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getAccessor));

    private Enrollment stored;
    private Enrollment current;
    private boolean unborn; // not stored yet: its first write inserts it
    private boolean inserted;
    private final Map<String, Object> fields = new LinkedHashMap<>(); // the final value of each changed field; null = unset
    private final List<Enrollment.Entry> entries = new ArrayList<>();
    private final List<IntegrationEvent> events = new ArrayList<>();
    private final List<Runnable> afterWrite = new ArrayList<>();

    Draft(Enrollment stored) {
        this.stored = stored;
        this.current = stored;
    }

    /** A new enrolment not stored yet, its first events (its enrolment's) already in the draft. */
    static Draft unborn(Enrollment fresh, List<? extends IntegrationEvent> firstEvents) {
        Draft draft = new Draft(fresh);
        draft.unborn = true;
        draft.events.addAll(firstEvents);
        return draft;
    }

    /** Not stored yet: the enrolment as it stands is inserted, entries and events included. */
    boolean unborn() {
        return unborn;
    }

    /** Born unstored, and inserted since. */
    boolean inserted() {
        return inserted;
    }

    /** The enrolment with this draft's changes; null once a write of it failed (someone else moved it first). */
    Enrollment current() {
        return current;
    }

    boolean holds(String enrollmentId) {
        return current != null && current.id().equals(enrollmentId);
    }

    boolean dirty() {
        return !fields.isEmpty() || !entries.isEmpty() || !events.isEmpty();
    }

    void add(Update update, List<Enrollment.Entry> newEntries, List<? extends IntegrationEvent> newEvents, Runnable then) {
        Document operations = update.getUpdateObject();
        for (String operator : operations.keySet()) {
            Document values = operations.get(operator, Document.class);
            switch (operator) {
                case "$set" -> fields.putAll(values);
                case "$unset" -> values.keySet().forEach(field -> fields.put(field, null));
                case "$inc" -> values.forEach((field, by) -> fields.put(field, ((Number) value(field)).intValue()
                        + ((Number) by).intValue()));
                default -> throw new IllegalArgumentException("an engine step changes fields only, not with " + operator);
            }
        }
        entries.addAll(newEntries);
        events.addAll(newEvents);
        if (then != null) {
            afterWrite.add(then);
        }
        List<Enrollment.Entry> history = new ArrayList<>(stored.history() == null ? List.of() : stored.history());
        history.addAll(entries);
        Map<String, Object> changed = new HashMap<>(fields); // null values: unset fields
        changed.put("history", history);
        current = with(stored, changed);
    }

    void afterWrite(Runnable then) {
        afterWrite.add(then);
    }

    /** The revision the write is guarded by. */
    Enrollment stored() {
        return stored;
    }

    /** Every changed field set (or unset) to its final value: the steps' updates in one. */
    Update update() {
        Update update = new Update();
        fields.forEach((field, value) -> {
            if (value == null) {
                update.unset(field);
            } else {
                update.set(field, value);
            }
        });
        return update;
    }

    List<Enrollment.Entry> entries() {
        return entries;
    }

    List<IntegrationEvent> events() {
        return events;
    }

    /** Written (or nothing to write): what waited for it runs, and later steps are guarded by the stored revision. */
    void written() {
        if (unborn) {
            stored = current; // inserted as it stands
            unborn = false;
            inserted = true;
        } else if (dirty()) {
            stored = with(current, Map.of("revision", stored.revision() + 1));
        }
        current = stored;
        fields.clear();
        entries.clear();
        events.clear();
        List<Runnable> then = List.copyOf(afterWrite);
        afterWrite.clear();
        then.forEach(Runnable::run);
    }

    /** Not written (the guard failed): nothing that waited for it happens, and the run stops. */
    void lost() {
        current = null;
        afterWrite.clear();
    }

    private Object value(String field) {
        return fields.containsKey(field) ? fields.get(field) : component(current, field);
    }

    // by record component: the stored field names are the component names, so each step's update applies as written
    private static Enrollment with(Enrollment e, Map<String, Object> changed) {
        Object[] values = Arrays.stream(FIELDS).map(c -> changed.containsKey(c.getName()) ? changed.get(c.getName())
                : component(e, c.getName())).toArray();
        try {
            return CANONICAL.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException wrongType) {
            throw new IllegalStateException("an engine step set a field of the wrong type: " + changed, wrongType);
        }
    }

    private static Object component(Enrollment e, String name) {
        Method accessor = ACCESSORS.get(name);
        if (accessor == null) {
            throw new IllegalArgumentException("an enrolment has no field " + name);
        }
        try {
            return accessor.invoke(e);
        } catch (ReflectiveOperationException unreachable) {
            throw new IllegalStateException(unreachable);
        }
    }

    private static Constructor<Enrollment> canonical() {
        try {
            return Enrollment.class.getDeclaredConstructor(Arrays.stream(FIELDS).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException unreachable) {
            throw new IllegalStateException(unreachable);
        }
    }
}
