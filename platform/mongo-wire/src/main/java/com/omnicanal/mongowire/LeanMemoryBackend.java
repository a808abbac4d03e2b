package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

import java.util.List;

/**
 * The in-memory store without its data-size bookkeeping: to keep a collection's {@code dataSize} statistic it
 * BSON-encodes the whole document on every insert and twice on every update, which was over 40% of the store's CPU
 * in a broadcast (profiled). Nothing here reads that statistic; {@code collStats} reports a size of 0 instead.
 * Its unique indexes are {@link LeanUniqueIndex}es.
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
    }
}
