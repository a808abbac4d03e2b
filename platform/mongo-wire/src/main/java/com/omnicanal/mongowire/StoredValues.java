package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** How the library compares stored values and index keys: numbers by value whatever their type, at any depth. */
final class StoredValues {

    private StoredValues() {
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b) || Objects.equals(normalized(a), normalized(b));
    }

    /** The library's normal form: a number as a double (a long beyond a double's precision as it is), -0.0 as 0.0. */
    static Object normalized(Object value) {
        if (value instanceof Long l && l != (long) l.doubleValue()) {
            return l;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        if (value instanceof Map<?, ?> map) {
            Document normal = new Document();
            map.forEach((k, v) -> normal.put((String) k, normalized(v)));
            return normal;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(StoredValues::normalized).toList();
        }
        return value;
    }
}
