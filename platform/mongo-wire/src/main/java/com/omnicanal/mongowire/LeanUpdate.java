package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The update operators our services send most — {@code $set}, {@code $setOnInsert}, {@code $unset}, {@code $inc},
 * {@code $push} (plain, or with {@code $each} and an optional integer {@code $slice}), {@code $addToSet} (plain or
 * with {@code $each}), and {@code $pull} of one string or {@code $pullAll} of strings, on top-level fields — applied to a
 * shallow copy of the stored document. The library deep-clones the whole document twice, splits every field path with
 * a regular expression and compares the documents deeply on each update, which made updates of documents with a
 * growing history most of the store's CPU (profiled); and it pulls by running its query matcher for every element
 * against every value, which made clearing the outbox marks of a segment's build (a hundred thousand marks on one
 * document, cleared 500 at a time) 84% of the store's CPU through the first minute of a broadcast (profiled): here a
 * pull is one pass with a set. Anything else — dotted or positional paths, {@code _id}, other operators or modifiers,
 * a value of the wrong type — returns {@code null}, and the library applies the update itself, errors included
 * ({@code LeanUpdateTest} holds both paths to the same documents).
 */
final class LeanUpdate {

    private static final Set<String> OPERATORS = Set.of("$set", "$setOnInsert", "$unset", "$inc", "$push", "$addToSet",
            "$pull", "$pullAll");

    /** The document after the update and whether it differs from before. */
    record Result(Document document, boolean changed) {
    }

    private LeanUpdate() {
    }

    /** The update applied to a copy of {@code stored} (never changed itself), or null when the library must do it. */
    static Result apply(Document stored, Document update, String idField) {
        return apply(stored, update, idField, false);
    }

    /** As {@link #apply(Document, Document, String)}; {@code inserting}: an upsert's new document ($setOnInsert applies). */
    static Result apply(Document stored, Document update, String idField, boolean inserting) {
        if (!handles(update, idField)) {
            return null;
        }
        Document next = new Document();
        next.putAll(stored); // nested values are replaced, never changed in place, so the stored ones stay intact
        boolean changed = false;
        for (Map.Entry<String, Object> operation : update.entrySet()) {
            for (Map.Entry<String, Object> field : ((Document) operation.getValue()).entrySet()) {
                Boolean applied = apply(operation.getKey(), next, field.getKey(), field.getValue(), inserting);
                if (applied == null) {
                    return null;
                }
                changed |= applied;
            }
        }
        return new Result(next, changed);
    }

    /** Operators we apply, each on its own top-level fields (the library rejects a field two operators change). */
    private static boolean handles(Document update, String idField) {
        if (update.isEmpty()) {
            return false;
        }
        Set<String> fields = new HashSet<>();
        for (Map.Entry<String, Object> operation : update.entrySet()) {
            if (!OPERATORS.contains(operation.getKey()) || !(operation.getValue() instanceof Document changes)
                    || changes.isEmpty()) {
                return false;
            }
            for (String field : changes.keySet()) {
                if (field.isEmpty() || field.contains(".") || field.startsWith("$") || field.equals(idField)
                        || !fields.add(field)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether it changed the field; null when the library must apply the update (its rules or its errors). */
    private static Boolean apply(String operator, Document next, String field, Object value, boolean inserting) {
        return switch (operator) {
            case "$set" -> set(next, field, value);
            case "$setOnInsert" -> inserting ? set(next, field, value) : Boolean.FALSE;
            case "$unset" -> unset(next, field);
            case "$inc" -> inc(next, field, value);
            case "$push" -> append(next, field, value, false);
            case "$pull" -> value instanceof String one ? pull(next, field, List.of(one)) : null;
            case "$pullAll" -> pull(next, field, value);
            default -> append(next, field, value, true);
        };
    }

    private static Boolean set(Document next, String field, Object value) {
        if (next.containsKey(field) && StoredValues.same(next.get(field), value)) {
            return false; // the library keeps the stored value when the new one is equal to it
        }
        next.put(field, value);
        return true;
    }

    private static Boolean unset(Document next, String field) {
        boolean had = next.containsKey(field);
        next.remove(field);
        return had;
    }

    private static Boolean inc(Document next, String field, Object by) {
        Object value = next.get(field);
        if (!(by instanceof Number increment) || value != null && !(value instanceof Number)) {
            return null;
        }
        Number sum = NumericUtils.addNumbers(value == null ? Integer.valueOf(0) : (Number) value, increment);
        boolean changed = !next.containsKey(field) || !sum.equals(value);
        next.put(field, sum);
        return changed;
    }

    /**
     * {@code $push} (every value, then its {@code $slice}) or {@code $addToSet} (values not there yet) onto a copy of the
     * field's list.
     */
    private static Boolean append(Document next, String field, Object value, boolean onlyNew) {
        List<Object> values = plainValues(value, !onlyNew);
        List<Object> list = existingList(next, field);
        if (values == null || list == null) {
            return null;
        }
        boolean absent = !next.containsKey(field);
        Integer slice = onlyNew ? null : slice(value);
        List<Object> before = slice == null ? null : new ArrayList<>(list);
        boolean changed = absent;
        for (Object v : values) {
            if (!onlyNew || !list.contains(v)) {
                list.add(v);
                changed = true;
            }
        }
        if (slice != null) {
            list = sliced(list, slice);
            changed = absent || !before.equals(list); // pushing what the slice drops again changes nothing
        }
        next.put(field, list);
        return changed;
    }

    /**
     * Removes the elements equal to one of the strings; null (the library's) when a value is not a string, or the field
     * is not a list. A string equals only a string, so other elements stay, as the library's matcher keeps them.
     */
    private static Boolean pull(Document next, String field, Object values) {
        if (!(values instanceof Collection<?> strings) || !strings.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        if (!next.containsKey(field)) {
            return false; // pulling from a missing field changes nothing
        }
        List<Object> list = existingList(next, field);
        if (list == null) {
            return null;
        }
        Set<?> pulled = new HashSet<>(strings);
        if (!list.removeIf(element -> element instanceof String s && pulled.contains(s))) {
            return false;
        }
        next.put(field, list);
        return true;
    }

    /** A {@code $push}'s int or long {@code $slice}, or null (none, or one the library must apply). */
    private static Integer slice(Object value) {
        return value instanceof Document d && (d.get("$slice") instanceof Integer || d.get("$slice") instanceof Long)
                ? ((Number) d.get("$slice")).intValue() : null;
    }

    /** {@code $slice}: the first {@code n} values, or the last {@code -n}. */
    private static List<Object> sliced(List<Object> list, int n) {
        int size = list.size();
        return new ArrayList<>(n >= 0 ? list.subList(0, Math.min(n, size)) : list.subList(Math.max(0, size + n), size));
    }

    /**
     * The values pushed: one, or {@code $each}'s without other modifiers (an int or long {@code $slice} too when
     * {@code sliceable}); null for anything else.
     */
    @SuppressWarnings("unchecked")
    private static List<Object> plainValues(Object value, boolean sliceable) {
        if (value instanceof Document d && d.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
            boolean sliced = sliceable && d.size() == 2 && slice(d) != null;
            return (d.size() == 1 || sliced) && d.get("$each") instanceof Collection<?> each
                    ? new ArrayList<>((Collection<Object>) each) : null;
        }
        List<Object> one = new ArrayList<>(1);
        one.add(value);
        return one;
    }

    /** A copy of the field's list (a new one when absent); null when it holds something else. */
    @SuppressWarnings("unchecked")
    private static List<Object> existingList(Document next, String field) {
        Object existing = next.get(field);
        if (existing == null) {
            return next.containsKey(field) ? null : new ArrayList<>();
        }
        return existing instanceof List<?> list ? new ArrayList<>((List<Object>) list) : null;
    }
}
