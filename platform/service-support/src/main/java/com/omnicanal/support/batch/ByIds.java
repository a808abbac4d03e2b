package com.omnicanal.support.batch;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reads and writes by many {@code _id}s in chunks of {@value #CHUNK}: one request per chunk, small enough for any
 * store's request limits. (The embedded store once matched every document it found against the whole {@code $in} list,
 * n² compares, so the chunks were 100; it now answers a list of string ids from its index alone.)
 */
public final class ByIds {

    static final int CHUNK = 500;

    private ByIds() {
    }

    /** The documents of type {@code type} with these ids (any order; missing ones absent). */
    public static <T> List<T> find(MongoTemplate mongo, Collection<?> ids, Class<T> type) {
        return find(mongo, ids, type, mongo.getCollectionName(type));
    }

    /** The same from a named collection (e.g. as plain documents). */
    public static <T> List<T> find(MongoTemplate mongo, Collection<?> ids, Class<T> type, String collection) {
        return find(mongo, ids, q -> q, type, collection);
    }

    /** The same with each chunk's query shaped (e.g. a projection). */
    public static <T> List<T> find(MongoTemplate mongo, Collection<?> ids, UnaryOperator<Query> shape, Class<T> type,
                                   String collection) {
        List<T> found = new ArrayList<>(ids.size());
        chunks(ids, chunk -> {
            Query query = shape.apply(query(where("_id").in(chunk)));
            if (type == Document.class && plain(query, chunk)) {
                @SuppressWarnings("unchecked") // T is Document
                List<T> documents = (List<T>) mongo.getCollection(collection).find(query.getQueryObject())
                        .projection(query.getFieldsObject()).into(new ArrayList<>());
                found.addAll(documents);
            } else {
                found.addAll(mongo.find(query, type, collection));
            }
        });
        return found;
    }

    /**
     * Whether the driver can run the query as it is, with the template's answer, and skip its mapping and its per-document
     * conversion and events (most of a plain read's cost, profiled): the ids alone (none an ObjectId's text, which the
     * mapping would turn into an ObjectId), at most a projection.
     */
    private static boolean plain(Query query, List<?> ids) {
        return query.getQueryObject().size() == 1 && query.getSortObject().isEmpty() && query.getLimit() == 0
                && query.getSkip() == 0 && ids.stream().allMatch(id -> id instanceof String s && !ObjectId.isValid(s));
    }

    /** The sum of what {@code each} counts on consecutive chunks (e.g. documents removed or matched). */
    public static <K> long sum(Collection<K> ids, ToLongFunction<List<K>> each) {
        long total = 0;
        for (List<K> chunk : chunked(ids)) {
            total += each.applyAsLong(chunk);
        }
        return total;
    }

    /** Runs {@code each} on consecutive chunks of the ids (an update or a remove by {@code _id $in}). */
    public static <K> void chunks(Collection<K> ids, Consumer<List<K>> each) {
        chunked(ids).forEach(each);
    }

    private static <K> List<List<K>> chunked(Collection<K> ids) {
        List<K> all = List.copyOf(ids);
        List<List<K>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
