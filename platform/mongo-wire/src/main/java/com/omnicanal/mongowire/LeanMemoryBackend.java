package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The in-memory store without its data-size bookkeeping: to keep a collection's {@code dataSize} statistic it
 * BSON-encodes the whole document on every insert and twice on every update, which was over 40% of the store's CPU
 * in a broadcast (profiled). Nothing here reads that statistic; {@code collStats} reports a size of 0 instead.
 * Its documents are kept as their BSON bytes ({@link CompactDocuments}), its unique indexes are {@link
 * LeanUniqueIndex}es, and the common updates of one document are {@link LeanUpdate}s.
 */
final class LeanMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String name) {
        return new LeanDatabase(name, getCursorRegistry());
    }

    private static final class LeanDatabase extends MemoryDatabase {

        LeanDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
            return new LeanCollection(this, name, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                                                         boolean sparse) {
            return new LeanUniqueIndex(name, keys, sparse);
        }
    }

    private static final class LeanCollection extends MemoryCollection {

        private static final Document EVERYTHING = new Document();

        /** Unique indexes on {@code _id} and more, declared but not kept ({@link #addIndex}), by name. */
        private final Set<String> declaredOnly = ConcurrentHashMap.newKeySet();
        /** The stored documents by position, as BSON bytes; the library's own list stays empty. */
        private final CompactDocuments documents = new CompactDocuments();

        LeanCollection(MemoryDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        /**
         * A unique index on {@code _id} and other fields (the services' {@code {_id, revision}} compare-and-sets) holds
         * nothing the {@code _id} index does not: it stays declared (listed, recreated without error) but is not kept,
         * since a query naming an {@code _id} goes through the {@code _id} index here ({@link #lookup}). Keeping it
         * re-keyed it on every compare-and-set and stored one more key per document.
         */
        @Override
        public void addIndex(Index<Integer> index) {
            if (impliedById(index)) {
                declaredOnly.add(index.getName());
            } else {
                super.addIndex(index);
            }
        }

        @Override
        public void dropIndex(String name) {
            if (!declaredOnly.remove(name)) {
                super.dropIndex(name);
            }
        }

        private boolean impliedById(Index<Integer> index) {
            return index.isUnique() && index.getKeys().size() > 1
                    && index.getKeys().stream().anyMatch(key -> key.getKey().equals(getIdField()));
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            return documents.add(document);
        }

        @Override
        protected Document getDocument(Integer position) {
            return documents.get(position);
        }

        @Override
        protected void removeDocument(Integer position) {
            documents.remove(position);
        }

        /** Every change of a stored document ends here (the library's in-place updates too): its bytes replaced. */
        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            documents.set(position, newDocument);
        }

        @Override
        public synchronized int count() {
            return documents.count();
        }

        @Override
        public synchronized boolean isEmpty() {
            return documents.count() == 0;
        }

        @Override
        protected Integer findDocumentPosition(Document document) {
            return documents.positions().filter(p -> document.equals(documents.get(p))).boxed().findFirst().orElse(null);
        }

        @Override
        protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
            return documents.positions().mapToObj(p -> new DocumentWithPosition<>(documents.get(p), p));
        }

        /** A whole-collection scan: each document decoded as the matcher reaches it. */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fields) {
            IntStream positions = isNaturalDescending(orderBy) ? documents.positionsDescending() : documents.positions();
            return matchDocumentsFromStream(positions.mapToObj(documents::get), query, orderBy, skip, limit, batchSize,
                    fields);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * A single update of one document found through a unique index (or through its {@code _id}), with {@link
         * LeanUpdate}'s operators: applied to a shallow copy, checked and re-keyed in the indexes, then stored in place as
         * the library does; an upsert that finds nothing inserts the selector's fields with the update applied. Anything
         * else (multi, array filters, other operators or selectors) is the library's.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            Lookup lookup = isMulti || !arrayFilters.isEmpty() ? null : lookup(selector);
            if (lookup == null) {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            Document stored = findOne(lookup, selector);
            Document base = stored != null ? stored : isUpsert ? upserted(selector) : null;
            LeanUpdate.Result result = base == null ? null : LeanUpdate.apply(base, update, getIdField(), stored == null);
            if (result == null) {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            if (stored == null) {
                addDocument(result.document());
                oplog.handleInsert(getFullName(), List.of(result.document()));
                return new Document("upserted", result.document().get(getIdField())).append("n", 0).append("nModified", 0);
            }
            List<Object> modified = new ArrayList<>(1);
            if (result.changed()) {
                replace(stored, result.document());
                modified.add(stored.get(getIdField()));
            }
            oplog.handleUpdate(getFullName(), selector, update, modified);
            return new Document("n", 1).append("nModified", modified.size());
        }

        /**
         * The updated document takes the stored one's place, once every index accepts and holds its new keys. A reader
         * holds its own decoded copy, whole: it never sees half an update (a version already new beside a state still
         * old would let a compare-and-set succeed on stale data).
         */
        private void replace(Document stored, Document updated) {
            Integer position = null;
            for (Index<Integer> index : getIndexes()) {
                index.checkUpdate(stored, updated, this);
                position = position != null ? position : index.getPosition(stored);
            }
            for (Index<Integer> index : getIndexes()) {
                index.updateInPlace(stored, updated, position, this);
            }
            handleUpdate(position, stored, updated);
        }

        /**
         * Queries naming one {@code _id} among other fields go to that document (the library scans the whole collection
         * unless an index has exactly the query's fields).
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fields) {
            if (idsIn(query)) { // the index finds exactly those ids: matching each one against the list was n² compares
                for (Index<Integer> index : getIndexes()) {
                    if (index.canHandle(query)) {
                        return matchDocuments(EVERYTHING, index.getPositions(query), orderBy, skip, limit, batchSize,
                                fields);
                    }
                }
            }
            Lookup lookup = lookup(query);
            if (lookup == null || lookup.key() == query) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
            }
            return matchDocuments(query, lookup.index().getPositions(lookup.key()), orderBy, skip, limit, batchSize, fields);
        }

        /** {@code {_id: {$in: [strings]}}} alone: strings equal only equal strings, so the index's answer is the match. */
        private boolean idsIn(Document query) {
            return query.size() == 1 && query.get(getIdField()) instanceof Document in && in.size() == 1
                    && in.get("$in") instanceof Collection<?> ids && ids.stream().allMatch(String.class::isInstance);
        }

        /** A unique index and the key it finds the selector's document by: the selector itself, or its {@code _id}. */
        private record Lookup(Index<Integer> index, Document key) {
        }

        /** The first unique index with the selector's exact fields, else the {@code _id} index by its id; else null. */
        private Lookup lookup(Document selector) {
            Document byId = plain(selector.get(getIdField())) ? new Document(getIdField(), selector.get(getIdField())) : null;
            Lookup found = null;
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(selector)) {
                    return new Lookup(index, selector);
                }
                if (found == null && byId != null && index.canHandle(byId)) {
                    found = new Lookup(index, byId);
                }
            }
            return found;
        }

        private Document findOne(Lookup lookup, Document selector) {
            for (Integer position : lookup.index().getPositions(lookup.key())) {
                Document candidate = position == null ? null : getDocument(position);
                if (candidate != null && documentMatchesQuery(candidate, selector)) {
                    return candidate;
                }
            }
            return null;
        }

        /** What an upsert inserts before its update: the selector's fields, when each is a plain equality; else null. */
        private Document upserted(Document selector) {
            if (!plain(selector.get(getIdField()))) {
                return null;
            }
            Document document = new Document(getIdField(), selector.get(getIdField()));
            for (Map.Entry<String, Object> field : selector.entrySet()) {
                if (field.getKey().contains(".") || field.getKey().startsWith("$") || !plain(field.getValue())) {
                    return null;
                }
                document.put(field.getKey(), field.getValue());
            }
            return document;
        }

        /** A value an equality on it matches alone: not absent, not an operator, array, sub-document or pattern. */
        private static boolean plain(Object value) {
            return value != null && !(value instanceof Map) && !(value instanceof Collection)
                    && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression);
        }
    }
}
