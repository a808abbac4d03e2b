package com.omnicanal.support.batch;

import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Inserts keyed by {@code _id} where an existing key means "already there", not a failure. */
public final class BulkInserts {

    private static final int DUPLICATE_KEY = 11000;

    private BulkInserts() {
    }

    /**
     * Inserts {@code documents} in one unordered bulk; returns the indexes of those written. A document whose key exists
     * is left out (recorded before: idempotent on its id); any other error fails the call.
     */
    public static Set<Integer> insertNew(MongoTemplate mongo, Class<?> type, List<?> documents) {
        Set<Integer> written = new HashSet<>(IntStream.range(0, documents.size()).boxed().toList());
        if (documents.isEmpty()) {
            return written;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type).insert(documents).execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (!isDuplicateKey(error)) {
                    throw e;
                }
                written.remove(error.getIndex());
            }
        }
        return written;
    }

    /** Whether a bulk's error is a taken key (an insert of something recorded before), not a failure. */
    public static boolean isDuplicateKey(BulkWriteError error) {
        return error.getCode() == DUPLICATE_KEY;
    }
}
