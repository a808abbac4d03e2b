package com.omnicanal.conversation.writes;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.batch.GroupCommit;
import com.omnicanal.support.batch.RawDocuments;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
import org.bson.RawBsonDocument;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The hot single-document writes of a send (the message, its thread index, the kept sandbox copy, a receipt…): each
 * caller blocks while a committer writes whatever callers queued meanwhile in one unordered bulk per collection, so a
 * batch's concurrent dispatches cost a few store round trips instead of a few each. A lone caller writes alone, as
 * before. Each caller's writes are applied before it returns, so the order of a caller's steps (and what a crash
 * leaves) is what it was with single writes.
 */
@Component
public class GroupedWrites {

    /**
     * One write: an insert (answers false when its key is taken), an upsert (true), or an update of one document (true
     * when every update of its bulk matched; null when some did not, for its caller to look).
     */
    public record Write(String collection, Object document, Query query, UpdateDefinition update, boolean upsert,
                        Document filter, Document change) {

        public static Write insert(String collection, Object document) {
            return new Write(collection, document, null, null, false, null, null);
        }

        public static Write upsert(String collection, Query query, UpdateDefinition update) {
            return new Write(collection, null, query, update, true, null, null);
        }

        public static Write update(String collection, Query query, UpdateDefinition update) {
            return new Write(collection, null, query, update, false, null, null);
        }

        /** An update (or upsert) given as the store's own filter and update documents: no Spring Data mapping. */
        public static Write raw(String collection, Document filter, Document change, boolean upsert) {
            return new Write(collection, null, null, null, upsert, filter, change);
        }

        /** Whether the driver can take it as it is (a plain document, or a raw update): no mapping needed. */
        boolean isPlain() {
            return document instanceof Document || filter != null;
        }
    }

    private record Position(int item, int write) {
    }

    /** A state write that publishes an event: {@code writes} given the event's outbox id, {@code marked} carrying it. */
    private record Publishing(EventOutbox.Keyed event, Function<String, List<Write>> writes, int marked) {
    }

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final GroupCommit<List<Write>, List<Boolean>> commits;
    private final Map<String, GroupCommit<Publishing, Boolean>> publishing = new ConcurrentHashMap<>();
    private final int committers;
    private final int maxGrouped;

    GroupedWrites(MongoTemplate mongo, EventOutbox outbox, @Value("${omni.store.write-committers:1}") int committers,
                  @Value("${omni.store.max-grouped:128}") int maxGrouped) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.committers = committers;
        this.maxGrouped = maxGrouped;
        this.commits = new GroupCommit<>("grouped-writes", committers, maxGrouped, this::commit);
    }

    @PreDestroy
    void stop() {
        publishing.values().forEach(GroupCommit::close);
        commits.close();
    }

    /**
     * {@link EventOutbox#publish} for writes grouped with others: the events of the callers of the moment are staged in
     * one {@link EventOutbox#publishAll}, then their writes go in one bulk per collection, write {@code marked} (an
     * insert of a {@link Document}, or an update) carrying the event's mark; true when it was written (and so published).
     */
    public boolean publish(String collection, EventOutbox.Keyed event, Function<String, List<Write>> writes, int marked) {
        return publishing.computeIfAbsent(collection, c -> new GroupCommit<>("grouped-events-" + c, committers,
                maxGrouped, group -> publishAll(c, group))).submit(new Publishing(event, writes, marked));
    }

    private List<Boolean> publishAll(String collection, List<Publishing> group) {
        Boolean[] done = new Boolean[group.size()];
        outbox.publishAll(collection, group.stream().map(Publishing::event).toList(), ids -> {
            List<List<Write>> items = new ArrayList<>(group.size());
            for (int i = 0; i < group.size(); i++) {
                items.add(group.get(i).writes().apply(ids.get(i)));
            }
            List<List<Boolean>> results = commit(items);
            Set<String> unknown = new HashSet<>();
            for (int i = 0; i < group.size(); i++) {
                done[i] = results.get(i).get(group.get(i).marked());
                if (done[i] == null) {
                    unknown.add(group.get(i).event().aggregateId());
                }
            }
            Set<String> marks = marks(collection, unknown);
            Set<Integer> written = new HashSet<>();
            for (int i = 0; i < group.size(); i++) {
                done[i] = done[i] != null ? done[i] : marks.contains(ids.get(i));
                if (done[i]) {
                    written.add(i);
                }
            }
            return written;
        });
        return Arrays.asList(done);
    }

    /** The outbox marks the aggregates carry (a guarded update that may have missed: its mark says if it happened). */
    private Set<String> marks(String collection, Set<String> aggregateIds) {
        Set<String> marks = new HashSet<>();
        ByIds.find(mongo, aggregateIds, q -> {
            q.fields().include(PendingEvents.FIELD);
            return q;
        }, Document.class, collection).forEach(d -> marks.addAll(d.getList(PendingEvents.FIELD, String.class, List.of())));
        return marks;
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
        if (positions.stream().allMatch(p -> items.get(p.item()).get(p.write()).isPlain())) {
            writePlain(collection, positions, items, results);
            return;
        }
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
            markTaken(e.getErrors(), e, positions, results);
            result = e.getResult();
        }
        missed(positions, items, results, result);
    }

    /**
     * {@link #write} for writes that are plain documents already, straight to the driver as BSON bytes: Spring Data's
     * mapping of each document, query and update was a large part of a send's CPU, and then the driver's codec lookups
     * per value a fifth of the rest (profiled); same results, same error rule.
     */
    private void writePlain(String collection, List<Position> positions, List<List<Write>> items,
                            List<Boolean[]> results) {
        var target = mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class);
        var registry = target.getCodecRegistry();
        List<WriteModel<RawBsonDocument>> models = new ArrayList<>(positions.size());
        for (Position p : positions) {
            Write w = items.get(p.item()).get(p.write());
            models.add(w.document() != null ? new InsertOneModel<>(RawDocuments.of((Document) w.document(), registry))
                    : new UpdateOneModel<>(RawDocuments.of(w.filter(), registry), RawDocuments.of(w.change(), registry),
                    new UpdateOptions().upsert(w.upsert())));
        }
        BulkWriteResult result;
        try {
            result = target.bulkWrite(models, UNORDERED);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            markTaken(e.getWriteErrors(), e, positions, results);
            result = e.getWriteResult();
        }
        missed(positions, items, results, result);
    }

    /** A taken key answers false for its write; any other error fails the whole group. */
    private static void markTaken(List<BulkWriteError> errors, RuntimeException failure, List<Position> positions,
                                  List<Boolean[]> results) {
        for (BulkWriteError error : errors) {
            if (!BulkInserts.isDuplicateKey(error)) {
                throw failure; // the group is written again caller by caller: one bad write fails alone
            }
            Position p = positions.get(error.getIndex());
            results.get(p.item())[p.write()] = Boolean.FALSE;
        }
    }

    private static void missed(List<Position> positions, List<List<Write>> items, List<Boolean[]> results,
                               BulkWriteResult result) {
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
