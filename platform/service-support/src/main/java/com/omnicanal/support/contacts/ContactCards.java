package com.omnicanal.support.contacts;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUpdated;
import com.omnicanal.support.privacy.ErasureParticipant;
import org.springframework.dao.DuplicateKeyException;
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

    private void apply(String profileId, long version, Update update) {
        update.set("version", version).set("updatedAt", Instant.now()).unset("mergedInto");
        try {
            mongo.upsert(query(where("_id").is(profileId).and("version").lt(version)), update, ContactCard.class);
        } catch (DuplicateKeyException newerOrSameVersionKept) {
            // the card already holds this version or a newer one: out-of-order or repeated delivery
        }
    }
}
