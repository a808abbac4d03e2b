package com.omnicanal.campaign.enrollment;

import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.batch.GroupCommit;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The compare-and-set writes of enrolments made at the same time (a broadcast chunk's members reaching their waits or
 * ends together) in one unordered bulk, their events staged as one outbox batch; each caller waits for its own and
 * learns whether its guard held. When fewer matched than were sent, the chunk's enrolments are read back and a write
 * counts as stored only if its first history entry follows the history it read (history is only ever appended).
 */
@Component
class EnrollmentWrites implements AutoCloseable {

    record Write(Enrollment read, Update update, List<Enrollment.Entry> entries,
                 List<? extends IntegrationEvent> events) {
    }

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    /** A new enrolment as its first run left it, and the events it carries (its enrolment's first). */
    record New(Enrollment enrollment, List<? extends IntegrationEvent> events) {
    }

    private final GroupCommit<Write, Boolean> commits;
    private final GroupCommit<New, Boolean> inserts;

    EnrollmentWrites(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.commits = new GroupCommit<>("enrollment-writes", 2, 500, this::writeAll);
        this.inserts = new GroupCommit<>("enrollment-inserts", 2, 500, this::insertAll);
    }

    /** True if the new enrolment is stored now with its events; false if one of its id was stored before. */
    boolean insert(Enrollment e, List<? extends IntegrationEvent> events) {
        return inserts.submit(new New(e, events));
    }

    /** New enrolments in one unordered bulk insert, their events staged as one outbox batch; which were new. */
    List<Boolean> insertAll(List<New> news) {
        Staged staged = Staged.of(news.stream().map(n -> n.enrollment().id()).toList(), news.stream().map(New::events)
                .toList());
        Set<Integer> stored = new HashSet<>();
        outbox.publishAll(Enrollment.COLLECTION, staged.events(), marks -> {
            List<Document> marked = IntStream.range(0, news.size()).mapToObj(i -> EnrollmentDocuments.of(
                    Enrollments.withMarks(news.get(i).enrollment(), Set.copyOf(staged.marksOf(i, marks))),
                    mongo.getConverter())).toList();
            stored.addAll(BulkInserts.insertNew(mongo, Enrollment.COLLECTION, marked)); // a known id: stored before
            return staged.ofOwners(stored);
        });
        return IntStream.range(0, news.size()).mapToObj(stored::contains).toList();
    }

    /** The events of many enrolments as one outbox batch, each knowing which enrolment it belongs to. */
    private record Staged(List<EventOutbox.Keyed> events, List<List<Integer>> ofOwner) {

        static Staged of(List<String> ids, List<? extends List<? extends IntegrationEvent>> eventsOfEach) {
            List<EventOutbox.Keyed> events = new ArrayList<>();
            List<List<Integer>> ofOwner = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                List<Integer> own = new ArrayList<>(eventsOfEach.get(i).size());
                for (IntegrationEvent event : eventsOfEach.get(i)) {
                    own.add(events.size());
                    events.add(new EventOutbox.Keyed(ids.get(i), event));
                }
                ofOwner.add(own);
            }
            return new Staged(events, ofOwner);
        }

        /** The outbox marks of the owner's events (indexed per owner: scanning every mark per owner was n²). */
        List<String> marksOf(int owner, List<String> marks) {
            return ofOwner.get(owner).stream().map(marks::get).toList();
        }

        /** The events whose owners are stored: the ones the outbox may publish. */
        Set<Integer> ofOwners(Set<Integer> stored) {
            Set<Integer> publishable = new HashSet<>();
            stored.forEach(owner -> publishable.addAll(ofOwner.get(owner)));
            return publishable;
        }
    }

    /** True if nobody changed the enrolment since it was read and the change is stored. */
    boolean write(Write w) {
        // without an entry a bulk could not tell whether it landed
        return w.entries().isEmpty() || !plain(w.update()) ? writeOne(w) : commits.submit(w);
    }

    private boolean writeOne(Write w) {
        return outbox.publish(Enrollment.COLLECTION, w.read().id(), w.events(), pending -> mongo.updateFirst(
                guard(w.read()), complete(w, pending), Enrollment.class).getMatchedCount() > 0 ? Boolean.TRUE : null) != null;
    }

    // package-private for its test: a bulk whose guards do not all hold
    List<Boolean> writeAll(List<Write> writes) {
        if (writes.size() == 1) {
            return List.of(writeOne(writes.getFirst()));
        }
        Staged staged = Staged.of(writes.stream().map(w -> w.read().id()).toList(), writes.stream().map(Write::events)
                .toList());
        Set<Integer> stored = new HashSet<>();
        outbox.publishAll(Enrollment.COLLECTION, staged.events(), marks -> {
            List<UpdateOneModel<Document>> bulk = new ArrayList<>(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                List<String> own = staged.marksOf(i, marks);
                Enrollment read = writes.get(i).read();
                bulk.add(new UpdateOneModel<>(new Document("_id", read.id()).append("revision", read.revision()),
                        bson(writes.get(i), own)));
            }
            int matched = mongo.getCollection(Enrollment.COLLECTION).bulkWrite(bulk, new BulkWriteOptions().ordered(false))
                    .getMatchedCount();
            stored.addAll(matched == writes.size() ? IntStream.range(0, writes.size()).boxed().toList() : landed(writes));
            return staged.ofOwners(stored);
        });
        return IntStream.range(0, writes.size()).mapToObj(stored::contains).toList();
    }

    /** Which writes of a bulk whose guards did not all hold are stored: their first entry follows what they read. */
    private List<Integer> landed(List<Write> writes) {
        Map<String, Document> now = new HashMap<>();
        ByIds.find(mongo, writes.stream().map(w -> w.read().id()).distinct().toList(),
                q -> { q.fields().include("history"); return q; }, Document.class, Enrollment.COLLECTION)
                .forEach(d -> now.put(d.getString("_id"), d));
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            Document d = now.get(w.read().id());
            List<Document> history = d == null ? List.of() : d.getList("history", Document.class, List.of());
            int before = w.read().history().size();
            if (history.size() > before && same(history.get(before), w.entries().getFirst())) {
                stored.add(i);
            }
        }
        return stored;
    }

    private static boolean same(Document stored, Enrollment.Entry entry) {
        return stored.getDate("at") != null && stored.getDate("at").toInstant().toEpochMilli() == entry.at().toEpochMilli()
                && Objects.equals(stored.getString("action"), entry.action())
                && Objects.equals(stored.getString("detail"), entry.detail())
                && Objects.equals(stored.getString("phase"), entry.phase())
                && Objects.equals(stored.getString("step"), entry.step());
    }

    /**
     * The change as the store's own update document: the fields are named as stored and each value converted on its
     * own (the template's update mapping, field by field through the entity's metadata, was most of a bulk's cost).
     */
    private Document bson(Write w, List<String> marks) {
        Document update = new Document();
        w.update().getUpdateObject().forEach((operator, fields) -> {
            Document values = new Document();
            ((Document) fields).forEach((field, value) -> values.put(field, "$set".equals(operator) ? stored(value) : value));
            update.put(operator, values);
        });
        Document inc = (Document) update.computeIfAbsent("$inc", k -> new Document());
        inc.put("revision", 1);
        Document push = new Document("history", new Document("$each", w.entries().stream()
                .map(EnrollmentDocuments::entry).toList()));
        if (!marks.isEmpty()) {
            push.append(PendingEvents.FIELD, new Document("$each", marks));
        }
        update.put("$push", push);
        return update;
    }

    private Object stored(Object value) {
        return EnrollmentDocuments.value(value, mongo.getConverter());
    }

    /** Only fields set, unset or counted: what {@link #bson} writes as the store's own update. */
    private static boolean plain(Update update) {
        return Set.of("$set", "$unset", "$inc").containsAll(update.getUpdateObject().keySet());
    }

    private static Query guard(Enrollment read) {
        return query(where("_id").is(read.id()).and("revision").is(read.revision()));
    }

    /** The change plus what every change carries: the next revision, its history entries, its events' marks. */
    private static Update complete(Write w, PendingEvents pending) {
        Update update = w.update().inc("revision", 1);
        if (!w.entries().isEmpty()) {
            update.push("history").each(w.entries().toArray());
        }
        return pending.ids().isEmpty() ? update : pending.mark(update);
    }

    @Override
    public void close() {
        commits.close();
        inserts.close();
    }
}
