package com.omnicanal.support.contacts;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUpdated;
import com.omnicanal.support.privacy.ErasureParticipant;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The contact read model: newer versions win, older or repeated events change nothing. */
public class ContactCards implements ErasureParticipant {

    private final MongoTemplate mongo;

    ContactCards(MongoTemplate mongo) {
        this.mongo = mongo;
        // compare-and-set queries {_id, version}: the embedded store uses an index only for that exact key set
        mongo.indexOps(ContactCard.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("id_version"));
    }

    /** A versioned change to one card. */
    record Change(String profileId, long version, Update update) {
    }

    static Change created(ProfileCreated event) {
        return new Change(event.profileId(), event.version(), new Update().set("name", event.name())
                .set("email", event.email()).set("phone", event.phone()));
    }

    static Change updated(ProfileUpdated event) {
        return new Change(event.profileId(), event.version(), new Update().set("name", event.name())
                .set("email", event.email()).set("phone", event.phone()).set("language", event.language())
                .set("timezone", event.timezone()));
    }

    /**
     * A run of changes in one read and one bulk write: per card only the newest change of the run, and only if newer
     * than the card; a write that meets a concurrent one is redone on its own.
     */
    void applyAll(List<Change> changes) {
        Map<String, Change> newest = new LinkedHashMap<>();
        changes.forEach(c -> newest.merge(c.profileId(), c, (a, b) -> b.version() > a.version() ? b : a));
        Map<String, Long> current = new HashMap<>();
        Query versions = query(where("_id").in(newest.keySet()));
        versions.fields().include("version");
        mongo.find(versions, ContactCard.class).forEach(card -> current.put(card.id(), card.version()));
        List<Change> due = newest.values().stream()
                .filter(c -> !current.containsKey(c.profileId()) || current.get(c.profileId()) < c.version()).toList();
        if (due.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ContactCard.class);
        due.forEach(c -> bulk.upsert(query(where("_id").is(c.profileId()).and("version")
                .is(current.getOrDefault(c.profileId(), -1L))), versioned(c)));
        try {
            if (bulk.execute().getMatchedCount() + countNew(due, current) == due.size()) {
                return;
            }
        } catch (DataAccessException raced) {
            // another writer created or changed one of these cards meanwhile: settled one by one below
        }
        due.forEach(this::apply);
    }

    private static long countNew(List<Change> due, Map<String, Long> current) {
        return due.stream().filter(c -> !current.containsKey(c.profileId())).count();
    }

    /** The absorbed profile's card points to the survivor (its own version is unknown here: any version). */
    void merged(ProfileMerged event) {
        mongo.updateFirst(query(where("_id").is(event.mergedProfileId())),
                new Update().set("mergedInto", event.profileId()).set("updatedAt", Instant.now()), ContactCard.class);
    }

    @Override
    public void erase(String profileId) {
        mongo.remove(query(where("_id").is(profileId)), ContactCard.class);
    }

    Optional<ContactCard> find(String profileId) {
        return Optional.ofNullable(mongo.findById(profileId, ContactCard.class));
    }

    /** What a service may read about a person from its copy (e.g. a name for a message, a time zone for a wait). */
    public record Contact(String profileId, String name, String email, String phone, String language, String timezone) {
    }

    /** The contact, following a merge to the survivor's card. */
    public Optional<Contact> contact(String profileId) {
        Optional<ContactCard> card = find(profileId);
        if (card.isPresent() && card.get().mergedInto() != null) {
            card = find(card.get().mergedInto());
        }
        return card.map(c -> new Contact(c.id(), c.name(), c.email(), c.phone(), c.language(), c.timezone()));
    }

    /** The change with its version stamped (setting the same fields again when a bulk write is redone alone). */
    private static Update versioned(Change change) {
        return change.update().set("version", change.version()).set("updatedAt", Instant.now()).unset("mergedInto");
    }

    /** Applies a versioned change unless the card already holds that version or a newer one. */
    private void apply(Change change) {
        String profileId = change.profileId();
        long version = change.version();
        Update update = versioned(change);
        for (int attempt = 0; attempt < 5; attempt++) {
            ContactCard current = mongo.findById(profileId, ContactCard.class);
            if (current != null && current.version() >= version) {
                return; // out-of-order or repeated delivery
            }
            if (current == null ? insert(profileId, update) : mongo.updateFirst(query(where("_id").is(profileId)
                    .and("version").is(current.version())), update, ContactCard.class).getMatchedCount() == 1) {
                return;
            }
        }
    }

    private boolean insert(String profileId, Update update) {
        try {
            mongo.upsert(query(where("_id").is(profileId).and("version").is(-1L)), update, ContactCard.class);
            return true;
        } catch (DuplicateKeyException createdMeanwhile) {
            return false;
        }
    }
}
