package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory store without its data-size bookkeeping: to keep a collection's {@code dataSize} statistic it
 * BSON-encodes the whole document on every insert and twice on every update, which was over 40% of the store's CPU
 * in a broadcast (profiled). Nothing here reads that statistic; {@code collStats} reports a size of 0 instead.
 * Its unique indexes are {@link LeanUniqueIndex}es, and the common updates of one document are {@link LeanUpdate}s.
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

        LeanCollection(MemoryDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * A single update of one document found through a unique index, with {@link LeanUpdate}'s operators: applied to
         * a shallow copy, checked and re-keyed in the indexes, then stored in place as the library does. Anything else
         * (multi, upsert of a missing document, array filters, other operators) is the library's.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            Document stored = isMulti || !arrayFilters.isEmpty() ? null : indexed(selector);
            LeanUpdate.Result result = stored == null ? null : LeanUpdate.apply(stored, update, getIdField());
            if (result == null) {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            List<Object> modified = new ArrayList<>(1);
            if (result.changed()) {
                Document updated = result.document();
                Integer position = null;
                for (Index<Integer> index : getIndexes()) {
                    index.checkUpdate(stored, updated, this);
                    position = position != null ? position : index.getPosition(stored);
                }
                Document before = new Document();
                before.putAll(stored);
                for (Index<Integer> index : getIndexes()) {
                    index.updateInPlace(before, updated, position, this);
                }
                stored.clear();
                stored.putAll(updated);
                handleUpdate(position, before, stored);
                modified.add(stored.get(getIdField()));
            }
            oplog.handleUpdate(getFullName(), selector, update, modified);
            return new Document("n", 1).append("nModified", modified.size());
        }

        /** The one document the selector matches through the first unique index that can look it up; else null. */
        private Document indexed(Document selector) {
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(selector)) {
                    for (Integer position : index.getPositions(selector)) {
                        Document candidate = position == null ? null : getDocument(position);
                        if (candidate != null && documentMatchesQuery(candidate, selector)) {
                            return candidate;
                        }
                    }
                    return null;
                }
            }
            return null;
        }
    }
}
