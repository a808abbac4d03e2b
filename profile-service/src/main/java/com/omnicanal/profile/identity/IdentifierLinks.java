package com.omnicanal.profile.identity;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Reads and writes identifier lookup documents, always by {@code _id}. */
@Component
class IdentifierLinks {

    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final java.util.concurrent.ConcurrentMap<String, Instant> seen = new java.util.concurrent.ConcurrentHashMap<>();

    IdentifierLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<IdentifierLink> find(String key) {
        return Optional.ofNullable(mongo.findById(key, IdentifierLink.class));
    }

    /**
     * The profile holding each known key, in a few reads of the unique {@code _id} index ({@code $in}); only that
     * field is read, as plain documents (the mapping of whole links was a tenth of an activity batch's CPU).
     */
    java.util.Map<String, String> holders(Collection<String> keys) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        ByIds.find(mongo, keys, q -> {
            q.fields().include("profileId");
            return q;
        }, Document.class, IdentifierLink.COLLECTION).forEach(d -> found.put(d.getString("_id"), d.getString("profileId")));
        return found;
    }

    /** Many links in a few reads of the {@code _id} index, by key (missing ones absent). */
    java.util.Map<String, IdentifierLink> findAll(Collection<String> keys) {
        java.util.Map<String, IdentifierLink> found = new java.util.HashMap<>();
        ByIds.find(mongo, keys, IdentifierLink.class).forEach(link -> found.put(link.id(), link));
        return found;
    }

    /**
     * Claims many identifiers in one unordered insert of plain documents (what {@link #claim} writes); returns the
     * keys another profile holds already.
     */
    java.util.Set<String> claimAll(List<IdentifierLink> claims) {
        List<Document> docs = claims.stream().map(l -> new Document("_id", l.id()).append("profileId", l.profileId())
                .append("verified", l.verified()).append("source", l.source())
                .append("firstSeen", java.util.Date.from(l.firstSeen())).append("lastSeen", java.util.Date.from(l.lastSeen())))
                .toList();
        java.util.Set<String> taken = new java.util.HashSet<>();
        if (docs.isEmpty()) {
            return taken;
        }
        try {
            mongo.getCollection(IdentifierLink.COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (!BulkInserts.isDuplicateKey(error)) {
                    throw e;
                }
                taken.add(claims.get(error.getIndex()).id());
            }
        }
        return taken;
    }

    /** Claims an identifier for a profile; false when another profile holds it already. */
    boolean claim(String key, String profileId, boolean verified, String source, Instant now) {
        try {
            mongo.insert(new IdentifierLink(key, profileId, verified, source, now, now));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Moves identifiers held by {@code from} to {@code to}, one read and write by {@code _id} each. */
    void repoint(Collection<String> keys, String from, String to) {
        heldBy(keys, from).forEach(key -> mongo.updateFirst(query(where("_id").is(key)),
                new Update().set("profileId", to), IdentifierLink.class));
    }

    void release(Collection<String> keys, String profileId) {
        heldBy(keys, profileId).forEach(key -> mongo.remove(query(where("_id").is(key)), IdentifierLink.class));
    }

    private java.util.List<String> heldBy(Collection<String> keys, String profileId) {
        return keys.stream().filter(key -> find(key).filter(l -> l.profileId().equals(profileId)).isPresent()).toList();
    }

    /** Records that an identifier was seen, at most every few minutes so hot lookups rarely write. */
    void touch(IdentifierLink link, boolean verified, Instant now) {
        if (verified && !link.verified()) { // merge rules read it: written before the request answers
            mongo.updateFirst(query(where("_id").is(link.id())), new Update().set("verified", true).set("lastSeen", now),
                    IdentifierLink.class);
        } else if (link.lastSeen() == null || link.lastSeen().isBefore(now.minus(TOUCH_GRANULARITY))) {
            seen.merge(link.id(), now, (a, b) -> a.isAfter(b) ? a : b); // informational: written in the background
        }
    }

    /** Last-seen times noted by lookups, written in one bulk every second instead of on the request path. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${omni.identity.last-seen-flush:PT1S}")
    void flushLastSeen() {
        if (seen.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED,
                IdentifierLink.class);
        List<String> keys = List.copyOf(seen.keySet());
        keys.forEach(key -> bulk.updateOne(query(where("_id").is(key)), new Update().max("lastSeen", seen.remove(key))));
        bulk.execute();
    }
}
