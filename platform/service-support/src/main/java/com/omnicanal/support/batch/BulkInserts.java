package com.omnicanal.support.batch;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
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
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

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
            leaveOutTaken(written, e.getErrors(), e);
        }
        return written;
    }

    /** {@link #insertNew(MongoTemplate, Class, List)} for documents built by hand, into {@code collection}. */
    public static Set<Integer> insertNew(MongoTemplate mongo, String collection, List<Document> documents) {
        Set<Integer> written = new HashSet<>(IntStream.range(0, documents.size()).boxed().toList());
        if (documents.isEmpty()) {
            return written;
        }
        MongoCollection<Document> target = mongo.getCollection(collection);
        List<RawBsonDocument> raw = documents.stream().map(d -> {
            if (!d.containsKey("_id")) {
                d.put("_id", new ObjectId()); // as the driver does for an insert
            }
            return RawDocuments.of(d, target.getCodecRegistry());
        }).toList();
        try {
            target.withDocumentClass(RawBsonDocument.class).insertMany(raw, UNORDERED);
        } catch (MongoBulkWriteException e) {
            leaveOutTaken(written, e.getWriteErrors(), e);
            if (e.getWriteConcernError() != null) {
                throw e; // written, but not as durably as asked
            }
        }
        return written;
    }

    /** Leaves each taken key's index out of {@code written}; any other error fails the call. */
    private static void leaveOutTaken(Set<Integer> written, List<BulkWriteError> errors, RuntimeException failure) {
        for (BulkWriteError error : errors) {
            if (!isDuplicateKey(error)) {
                throw failure;
            }
            written.remove(error.getIndex());
        }
    }

    /** Whether a bulk's error is a taken key (an insert of something recorded before), not a failure. */
    public static boolean isDuplicateKey(BulkWriteError error) {
        return error.getCode() == DUPLICATE_KEY;
    }
}
