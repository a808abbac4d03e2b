package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A unique index whose key values are read straight from the document when every key is a top-level field holding
 * one value: the library splits each key path with a regular expression and streams the result on every insert and
 * twice per update, a fifth of the store's CPU in a broadcast (profiled). Anything else (dotted paths, arrays,
 * absent or null fields) takes the library's own path, so the keys are the same either way ({@code LeanUniqueIndexTest}).
 */
final class LeanUniqueIndex extends MemoryUniqueIndex {

    private final List<String> keys;
    private final Set<String> keySet;
    private final boolean topLevel;

    LeanUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.keys = keys.stream().map(IndexKey::getKey).toList();
        this.keySet = Collections.unmodifiableSet(new LinkedHashSet<>(this.keys));
        this.topLevel = this.keys.stream().noneMatch(k -> k.contains(".") || k.startsWith("$"));
    }

    @Override
    protected List<String> keys() {
        return keys; // the library rebuilds this list on every call
    }

    @Override
    protected Set<String> keySet() {
        return keySet;
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        if (!topLevel) {
            return super.getKeyValues(document);
        }
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.get(keys.get(i));
            if (value == null || value instanceof Collection) {
                return super.getKeyValues(document); // absent, null or an array: the library's rules
            }
            values[i] = value;
        }
        return Collections.singleton(new KeyValue(values).normalized());
    }
}
