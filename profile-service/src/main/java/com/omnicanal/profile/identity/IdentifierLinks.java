package com.omnicanal.profile.identity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Reads and writes identifier lookup documents, always by {@code _id}. */
@Component
class IdentifierLinks {

    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(5);

    private final MongoTemplate mongo;

    IdentifierLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<IdentifierLink> find(String key) {
        return Optional.ofNullable(mongo.findById(key, IdentifierLink.class));
    }

    /** Many lookups in one read of the unique {@code _id} index ({@code $in}). */
    java.util.Map<String, IdentifierLink> findAll(Collection<String> keys) {
        java.util.Map<String, IdentifierLink> found = new java.util.HashMap<>();
        mongo.find(query(where("_id").in(keys)), IdentifierLink.class).forEach(l -> found.put(l.id(), l));
        return found;
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
        boolean upgrade = verified && !link.verified();
        if (upgrade || link.lastSeen() == null || link.lastSeen().isBefore(now.minus(TOUCH_GRANULARITY))) {
            Update update = new Update().set("lastSeen", now);
            if (upgrade) {
                update.set("verified", true);
            }
            mongo.updateFirst(query(where("_id").is(link.id())), update, IdentifierLink.class);
        }
    }
}
