package com.omnicanal.conversation.store;

import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.omnicanal.support.batch.GroupCommit;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot single-document writes of a send (the message, its thread index, the kept sandbox copy, a receipt…): each
 * caller blocks while a committer writes whatever callers queued meanwhile in one unordered bulk per collection, so a
 * batch's concurrent dispatches cost a few store round trips instead of a few each. A lone caller writes alone, as
 * before. Each caller's writes are applied before it returns, so the order of a caller's steps (and what a crash
 * leaves) is what it was with single writes.
 */
@Component
public class GroupedWrites {

    private static final int DUPLICATE_KEY = 11000;

    /**
     * One write: an insert (answers false when its key is taken), an upsert (true), or an update of one document (true
     * when every update of its bulk matched; null when some did not, for its caller to look).
     */
    public record Write(String collection, Object document, Query query, UpdateDefinition update, boolean upsert) {

        public static Write insert(String collection, Object document) {
            return new Write(collection, document, null, null, false);
        }

        public static Write upsert(String collection, Query query, UpdateDefinition update) {
            return new Write(collection, null, query, update, true);
        }

        public static Write update(String collection, Query query, UpdateDefinition update) {
            return new Write(collection, null, query, update, false);
        }
    }

    private record Position(int item, int write) {
    }

    private final MongoTemplate mongo;
    private final GroupCommit<List<Write>, List<Boolean>> commits;

    GroupedWrites(MongoTemplate mongo, @Value("${omni.store.write-committers:2}") int committers,
                  @Value("${omni.store.max-grouped:128}") int maxGrouped) {
        this.mongo = mongo;
        this.commits = new GroupCommit<>("grouped-writes", committers, maxGrouped, this::commit);
    }

    @PreDestroy
    void stop() {
        commits.close();
    }

    /** Applies {@code writes} (with whatever else is waiting); per write, whether it applied (see {@link Write}). */
    public List<Boolean> apply(List<Write> writes) {
        return commits.submit(writes);
    }

    /** One insert: false when its key is taken (written before). */
    public boolean insert(String collection, Object document) {
        return apply(List.of(Write.insert(collection, document))).getFirst();
    }

    private List<List<Boolean>> commit(List<List<Write>> items) {
        Map<String, List<Position>> byCollection = new LinkedHashMap<>();
        List<Boolean[]> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Boolean[] applied = new Boolean[items.get(i).size()];
            Arrays.fill(applied, Boolean.TRUE);
            results.add(applied);
            for (int w = 0; w < items.get(i).size(); w++) {
                byCollection.computeIfAbsent(items.get(i).get(w).collection(), c -> new ArrayList<>()).add(new Position(i, w));
            }
        }
        byCollection.forEach((collection, positions) -> write(collection, positions, items, results));
        return results.stream().map(Arrays::asList).toList();
    }

    private void write(String collection, List<Position> positions, List<List<Write>> items, List<Boolean[]> results) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Position p : positions) {
            Write w = items.get(p.item()).get(p.write());
            if (w.document() != null) {
                bulk.insert(w.document());
            } else if (w.upsert()) {
                bulk.upsert(w.query(), w.update());
            } else {
                bulk.updateOne(w.query(), w.update());
            }
        }
        BulkWriteResult result;
        try {
            result = bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e; // the group is written again caller by caller: one bad write fails alone
                }
                Position p = positions.get(error.getIndex());
                results.get(p.item())[p.write()] = Boolean.FALSE;
            }
            result = e.getResult();
        }
        long updates = positions.stream().filter(p -> items.get(p.item()).get(p.write()).document() == null).count();
        if (result.getMatchedCount() + result.getUpserts().size() < updates) { // which missed is not told: unknown
            positions.stream().filter(p -> isUpdate(items.get(p.item()).get(p.write())))
                    .forEach(p -> results.get(p.item())[p.write()] = null);
        }
    }

    private static boolean isUpdate(Write w) {
        return w.document() == null && !w.upsert();
    }
}
