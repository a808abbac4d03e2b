package com.omnicanal.mongowire;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A unique index whose key values are read straight from the document when every key is a top-level field holding
 * one value: the library splits each key path with a regular expression and streams the result on every insert and
 * twice per update, a fifth of the store's CPU in a broadcast (profiled); its duplicate checks read them the same way. Anything else (dotted paths, arrays,
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
        KeyValue key = plainKey(document);
        return key == null ? super.getKeyValues(document) : Collections.singleton(normalized(key));
    }

    /** The library's check, without its path splitting (it reads the keys through a method we cannot override). */
    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Integer> collection) {
        KeyValue key = plainKey(document);
        if (key == null) {
            super.checkAdd(document, collection);
        } else if (containsKey(normalized(key))) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        KeyValue before = plainKey(oldDocument);
        KeyValue after = plainKey(newDocument);
        if (before == null || after == null) {
            super.checkUpdate(oldDocument, newDocument, collection);
            return;
        }
        KeyValue wanted = normalized(after);
        KeyValue held = normalized(before);
        if (wanted.equals(held)) {
            return;
        }
        Integer taken = getPosition(wanted);
        if (taken != null && !taken.equals(getPosition(held))) {
            throw new DuplicateKeyError(this, collection, getKeys(), after);
        }
    }

    /** The library's normal form of a key, without its stream per key (a sixth of the store's CPU, profiled). */
    private static KeyValue normalized(KeyValue key) {
        Object[] values = new Object[key.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = StoredValues.normalized(key.get(i));
        }
        return new KeyValue(values);
    }

    /** The key as the document holds it when every key is a top-level field with one value; else null. */
    private KeyValue plainKey(Document document) {
        if (!topLevel) {
            return null;
        }
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.get(keys.get(i));
            if (value == null || value instanceof Collection) {
                return null; // absent, null or an array: the library's rules
            }
            values[i] = value;
        }
        return new KeyValue(values);
    }
}
