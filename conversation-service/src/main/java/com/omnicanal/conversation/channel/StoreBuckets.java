package com.omnicanal.conversation.channel;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Bucket4j's distributed buckets kept in the store, one document per bucket ({@code _id}: its key): Bucket4j does the
 * token arithmetic, this class only its compare-and-swap, guarded by a version the document carries (Bucket4j's own
 * MongoDB module is not served here). Every instance reading and swapping the same document shares one rate.
 */
final class StoreBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String COLLECTION = "provider_rate_buckets";

    private final MongoTemplate mongo;

    StoreBuckets(MongoTemplate mongo) {
        super(ClientSideConfig.getDefault());
        this.mongo = mongo;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new Swap(key);
    }

    /** Read the state and its version, then swap only if the version is still the one read. */
    private final class Swap implements CompareAndSwapOperation {

        private final String key;
        private long version;

        Swap(String key) {
            this.key = key;
        }

        @Override
        public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
            Document d = mongo.findById(key, Document.class, COLLECTION);
            version = d == null ? -1 : ((Number) d.get("version")).longValue();
            return d == null ? Optional.empty() : Optional.of(d.get("state", Binary.class).getData());
        }

        @Override
        public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                      Optional<Long> timeoutNanos) {
            if (version < 0) {
                try {
                    mongo.insert(new Document("_id", key).append("state", new Binary(newData)).append("version", 0L),
                            COLLECTION);
                    return true;
                } catch (DuplicateKeyException anotherInstanceCreatedIt) {
                    return false;
                }
            }
            return mongo.updateFirst(query(where("_id").is(key).and("version").is(version)),
                    new Update().set("state", new Binary(newData)).inc("version", 1), COLLECTION).getModifiedCount() == 1;
        }
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the provider throttles take their tokens synchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public void removeProxy(String key) {
        mongo.remove(query(where("_id").is(key)), COLLECTION);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.runAsync(() -> removeProxy(key));
    }
}
