package com.omnicanal.support.contacts;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUpdated;
import com.omnicanal.support.privacy.ErasureParticipant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
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

    void created(ProfileCreated event) {
        apply(event.profileId(), event.version(), new Update().set("name", event.name()).set("email", event.email())
                .set("phone", event.phone()));
    }

    void updated(ProfileUpdated event) {
        apply(event.profileId(), event.version(), new Update().set("name", event.name()).set("email", event.email())
                .set("phone", event.phone()).set("language", event.language()).set("timezone", event.timezone()));
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

    /** Applies a versioned change unless the card already holds that version or a newer one. */
    private void apply(String profileId, long version, Update update) {
        update.set("version", version).set("updatedAt", Instant.now()).unset("mergedInto");
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
