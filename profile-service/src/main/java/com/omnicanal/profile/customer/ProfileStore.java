package com.omnicanal.profile.customer;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.batch.RawDocuments;
import com.omnicanal.support.outbox.EventOutbox;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The only writer of profile documents. Every change is one single-document update guarded by the version it was
 * computed from, carrying the marks of the events it produces, so state and events never diverge.
 */
@Component
public class ProfileStore {

    private static final int ATTEMPTS = 5;
    /** The tokens of the last bulk writes to a profile: how a bulk tells the writes it won from those it lost. */
    private static final String BULK_WRITES = "bulkWrites";
    private static final int KEPT_BULK_WRITES = 4;
    /** The keys of a profile's last counts ({@link #countOnce}): how a redelivered occurrence is told apart. */
    private static final String COUNTED = "countedKeys";
    private static final int KEPT_COUNTED = 20;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final ApplicationEventPublisher local;

    ProfileStore(MongoTemplate mongo, EventOutbox outbox, ApplicationEventPublisher local) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.local = local;
        // the guarded update queries {_id, version}: the embedded store uses an index only for that exact key set
        mongo.indexOps(Profile.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("id_version"));
    }

    /** Told in-process after every successful write, so derived state (segments) follows at once. */
    public record ProfileChanged(Profile profile) {
    }

    /** The same for a bulk write: derived state follows in bulk too. */
    public record ProfilesChanged(List<Profile> profiles) {
    }

    /**
     * A change computed from the current profile: the update to apply, the events it produces and, when it is cheap to
     * say, the same change applied in memory ({@code applied}), which spares a bulk write the read-back.
     */
    public record Change(Update update, List<? extends IntegrationEvent> events, UnaryOperator<Profile> applied) {

        public Change(Update update, List<? extends IntegrationEvent> events) {
            this(update, events, null);
        }

        public static Change none() {
            return new Change(null, List.of());
        }
    }

    public Profile create(Profile profile, List<? extends IntegrationEvent> events) {
        Profile created = outbox.publish(Profile.COLLECTION, profile.id(), events,
                pending -> mongo.insert(profile.withOutbox(pending.ids())));
        local.publishEvent(new ProfileChanged(created));
        return created;
    }

    public Optional<Profile> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Profile.class));
    }

    /** The profile, following merges to the survivor; 404 when there is none. */
    /** Whether a profile exists and what became of it: three fields, for hot paths that need no more. */
    public record Liveness(String id, ProfileStatus status, String mergedInto) {
    }

    /** The liveness of many profiles in one projected read by {@code _id} (missing ones absent). */
    public Map<String, Liveness> livenessAll(java.util.Collection<String> ids) {
        Map<String, Liveness> found = new HashMap<>();
        ByIds.find(mongo, ids, q -> {
            q.fields().include("status").include("mergedInto");
            return q;
        }, Document.class, Profile.COLLECTION).forEach(d -> found.put(d.getString("_id"), new Liveness(
                d.getString("_id"), ProfileStatus.valueOf(d.getString("status")), d.getString("mergedInto"))));
        return found;
    }

    public Optional<Liveness> liveness(String id) {
        Query byId = query(where("_id").is(id));
        byId.fields().include("status").include("mergedInto");
        return Optional.ofNullable(mongo.findOne(byId, Document.class, Profile.COLLECTION)).map(d ->
                new Liveness(id, ProfileStatus.valueOf(d.getString("status")), d.getString("mergedInto")));
    }

    public Profile requireActive(String id) {
        Profile profile = find(id).orElseThrow(ProfileStore::notFound);
        for (int hops = 0; profile.status() == ProfileStatus.MERGED && hops < 10; hops++) {
            profile = find(profile.mergedInto()).orElseThrow(ProfileStore::notFound);
        }
        if (!profile.isActive()) {
            throw notFound();
        }
        return profile;
    }

    /** Applies {@code change} to the current profile, recomputing it when another writer got there first. */
    public Profile update(String id, Function<Profile, Change> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Profile current = find(id).orElseThrow(ProfileStore::notFound);
            Change next = change.apply(current);
            if (next.update() == null) {
                return current;
            }
            Profile updated = apply(current, next);
            if (updated != null) {
                local.publishEvent(new ProfileChanged(updated));
                return updated;
            }
        }
        throw new ResponseStatusException(HttpStatus.CONFLICT, "the profile is changing too fast; try again");
    }

    private Profile apply(Profile current, Change change) {
        Update update = change.update().set("version", current.version() + 1).set("updatedAt", Instant.now());
        return outbox.publish(Profile.COLLECTION, current.id(), change.events(), pending -> mongo.findAndModify(
                query(where("_id").is(current.id()).and("version").is(current.version())), pending.mark(update),
                FindAndModifyOptions.options().returnNew(true), Profile.class));
    }

    /** Many profiles in one read of the {@code _id} index. */
    public Map<String, Profile> findAll(java.util.Collection<String> ids) {
        Map<String, Profile> found = new HashMap<>();
        ByIds.find(mongo, ids, Document.class, Profile.COLLECTION)
                .forEach(d -> found.put(d.getString("_id"), ProfileDocuments.read(d, mongo.getConverter())));
        return found;
    }

    /**
     * Event-free changes to many profiles (e.g. activity summaries) in one unordered bulk of version-guarded updates,
     * from the profiles as the caller {@code read} them, written as plain documents (the update mapping was a fifth of
     * an activity batch's CPU): a change's values must be store-ready (documents, numbers, text, dates). When every
     * guard held and every change says how it applies, nothing is read back; otherwise the writes that lost to another
     * writer (told apart by this bulk's token, which each written profile keeps among its last few) are recomputed from
     * the current profile and written on their own.
     */
    public void updateAll(Map<String, Profile> read, Map<String, Function<Profile, Change>> changes) {
        Instant stamp = Instant.now().truncatedTo(ChronoUnit.MILLIS); // the store keeps milliseconds
        List<UpdateOneModel<Document>> bulk = new ArrayList<>();
        Map<String, Change> written = new LinkedHashMap<>();
        String token = UUID.randomUUID().toString(); // which profiles this bulk wrote, whoever wrote next
        CodecRegistry registry = mongo.getCollection(Profile.COLLECTION).getCodecRegistry();
        read.forEach((id, profile) -> {
            Change change = changes.containsKey(id) ? changes.get(id).apply(profile) : Change.none();
            if (change.update() != null && change.events().isEmpty()) {
                bulk.add(guarded(profile, change.update(), stamp, token, registry));
                written.put(id, change);
            }
        });
        long matched = written.isEmpty() ? 0 : mongo.execute(Profile.COLLECTION, c -> c.bulkWrite(bulk, UNORDERED))
                .getMatchedCount();
        Set<String> lost = matched == written.size() ? Set.of() : lostRaces(written.keySet(), token);
        List<String> readBack = written.entrySet().stream()
                .filter(e -> !lost.contains(e.getKey()) && e.getValue().applied() == null).map(Map.Entry::getKey).toList();
        Map<String, Profile> current = readBack.isEmpty() ? Map.of() : findAll(readBack);
        List<Profile> after = new ArrayList<>();
        written.forEach((id, change) -> {
            if (lost.contains(id)) {
                after.add(update(id, changes.get(id))); // lost the race: recompute from the current profile
            } else {
                Profile now = change.applied() != null ? change.applied().apply(read.get(id)).written(stamp) : current.get(id);
                if (now != null) {
                    after.add(now);
                }
            }
        });
        changes.keySet().stream().filter(id -> !written.containsKey(id)).forEach(id -> update(id, changes.get(id)));
        local.publishEvent(new ProfilesChanged(after));
    }

    /** One counted occurrence for {@link #countOnce}: which profile, which counter, and the key it is counted by. */
    public record Count(String profileId, String field, String key) {
    }

    /**
     * Adds one to a counter per occurrence, once per key however often it is told (a redelivered event): each
     * profile keeps the keys of its last few counts, and a round reads the active profiles' version and keys (one
     * projected read), then writes each profile's uncounted occurrences in one {@code $inc} guarded by that version.
     * A write that lost to another writer is redone from a fresh read, where what it did win is already kept. No read
     * of whole profiles, no announcement: only for counters no segment condition reads (replies per channel).
     */
    public void countOnce(List<Count> counts) {
        List<Count> pending = counts;
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            pending = countRound(pending);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("counters of " + pending.size() + " occurrences kept changing under us");
        }
    }

    /** One round of {@link #countOnce}: the occurrences of the profiles whose guarded write lost, to try again. */
    private List<Count> countRound(List<Count> counts) {
        Map<String, List<Count>> byProfile = new LinkedHashMap<>();
        counts.forEach(c -> byProfile.computeIfAbsent(c.profileId(), id -> new ArrayList<>()).add(c));
        Date now = new Date();
        List<UpdateOneModel<Document>> bulk = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Document d : ByIds.find(mongo, byProfile.keySet(), q -> {
            q.fields().include("status").include("version").include(COUNTED);
            return q;
        }, Document.class, Profile.COLLECTION)) {
            if (!ProfileStatus.ACTIVE.name().equals(d.getString("status"))) {
                continue; // merged or erased: not counted, as before
            }
            Set<String> seen = new HashSet<>(d.getList(COUNTED, String.class, List.of()));
            Document inc = new Document();
            List<String> keys = new ArrayList<>();
            for (Count c : byProfile.get(d.getString("_id"))) {
                if (c.key() == null || seen.add(c.key())) {
                    inc.merge(c.field(), 1, (a, b) -> (Integer) a + (Integer) b);
                    if (c.key() != null) {
                        keys.add(c.key());
                    }
                }
            }
            if (inc.isEmpty()) {
                continue; // all counted before: a redelivery
            }
            Number version = d.get("version", Number.class);
            // the version too, so a guarded writer that read the profile before recomputes
            Document update = new Document("$inc", inc.append("version", 1L)).append("$set", new Document("updatedAt", now))
                    .append("$push", new Document(COUNTED, new Document("$each", keys).append("$slice", -KEPT_COUNTED)));
            bulk.add(new UpdateOneModel<>(new Document("_id", d.getString("_id")).append("version", version), update));
            written.add(d.getString("_id"));
        }
        if (bulk.isEmpty()) {
            return List.of();
        }
        long matched = mongo.execute(Profile.COLLECTION, c -> c.bulkWrite(bulk, UNORDERED)).getMatchedCount();
        // a lost write is told apart by a fresh read: what a profile's won write counted is kept among its keys
        return matched == written.size() ? List.of()
                : written.stream().flatMap(id -> byProfile.get(id).stream()).toList();
    }

    /** {@code update} guarded by the version it was computed from, stamped, with the bulk's token among the last few. */
    private static UpdateOneModel<Document> guarded(Profile profile, Update update, Instant stamp, String token,
                                                    CodecRegistry registry) {
        Document raw = new Document(update.getUpdateObject());
        raw.put("$set", new Document(raw.get("$set", new Document())).append("version", profile.version() + 1)
                .append("updatedAt", Date.from(stamp)));
        raw.put("$push", new Document(BULK_WRITES, new Document("$each", List.of(token)).append("$slice", -KEPT_BULK_WRITES)));
        return new UpdateOneModel<>(new Document("_id", profile.id()).append("version", profile.version()),
                RawDocuments.of(raw, registry));
    }

    /** Which guarded writes of a bulk matched nothing: the profiles whose recent bulk writes do not list its token. */
    private Set<String> lostRaces(Set<String> ids, String token) {
        Set<String> lost = new HashSet<>(ids);
        ByIds.find(mongo, ids, q -> {
            q.fields().include(BULK_WRITES);
            return q;
        }, Document.class, Profile.COLLECTION).forEach(doc -> {
            if (doc.getList(BULK_WRITES, String.class, List.of()).contains(token)) {
                lost.remove(doc.getString("_id"));
            }
        });
        return lost;
    }

    public static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such profile");
    }
}
