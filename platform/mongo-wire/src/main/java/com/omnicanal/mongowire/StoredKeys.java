package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field names shared by every stored document: the wire decoder makes a new string for each name of each document, so
 * a million stored messages held a million copies of "status" — a third of a stored document's objects, which the
 * collector copied on their way to the old generation. A stored document is rebuilt with one instance per name (values
 * untouched). Names are few; past {@link #LIMIT} distinct ones (a field named by data) they are kept as they came.
 */
final class StoredKeys {

    static final int LIMIT = 100_000;
    private static final int LONGEST = 64;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private StoredKeys() {
    }

    /** The document as stored: the same fields and values, each name the shared instance, sub-documents too. */
    static Document of(Document document) {
        Document shared = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            shared.put(name(field.getKey()), value(field.getValue()));
        }
        return shared;
    }

    /** A value as stored: a sub-document (also inside a list) with shared names; anything else as it is. */
    static Object value(Object value) {
        if (value instanceof Document sub) {
            return of(sub);
        }
        if (value instanceof List<?> list && list.stream().anyMatch(e -> e instanceof Document || e instanceof List)) {
            List<Object> shared = new ArrayList<>(list.size());
            list.forEach(e -> shared.add(value(e)));
            return shared;
        }
        return value;
    }

    static String name(String name) {
        String shared = NAMES.get(name);
        if (shared != null) {
            return shared;
        }
        if (name.length() > LONGEST || NAMES.size() >= LIMIT) {
            return name;
        }
        String raced = NAMES.putIfAbsent(name, name);
        return raced != null ? raced : name;
    }
}
