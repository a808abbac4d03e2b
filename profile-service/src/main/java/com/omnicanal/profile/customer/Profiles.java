package com.omnicanal.profile.customer;

import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Creates and reads profiles; every creation is published as {@code omni.profile.created.v1} through the outbox. */
@Service
class Profiles {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    Profiles(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    Profile create(CreateProfileRequest request) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String email = request.email() == null ? null : request.email().trim().toLowerCase(Locale.ROOT);
        ProfileCreated event = new ProfileCreated(id, request.name().trim(), email, request.phone(), 1, now);
        return outbox.publish(Profile.COLLECTION, id, event, pending -> mongo.insert(
                new Profile(id, event.name(), email, request.phone(), 1, now, pending.ids())));
    }

    Optional<Profile> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Profile.class));
    }
}
