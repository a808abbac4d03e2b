package com.omnicanal.support.contacts;

import com.omnicanal.events.profile.ProfileCreated;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The contact read model: newer versions win, older or repeated events change nothing. */
public class ContactCards {

    private final MongoTemplate mongo;

    ContactCards(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void remember(ProfileCreated event) {
        Update update = new Update().set("name", event.name()).set("email", event.email())
                .set("phone", event.phone()).set("version", event.version()).set("updatedAt", Instant.now());
        try {
            mongo.upsert(query(where("_id").is(event.profileId()).and("version").lt(event.version())), update,
                    ContactCard.class);
        } catch (DuplicateKeyException newerOrSameVersionKept) {
            // the card already holds this version or a newer one: out-of-order or repeated delivery
        }
    }

    Optional<ContactCard> find(String profileId) {
        return Optional.ofNullable(mongo.findById(profileId, ContactCard.class));
    }
}
