package com.omnicanal.support.privacy;

import com.omnicanal.events.privacy.ErasureConfirmed;
import com.omnicanal.events.profile.ProfileErased;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

/** Runs every erasure participant of this service, then confirms once per request. */
class Erasure {

    private final List<ErasureParticipant> participants;
    private final EventOutbox outbox;
    private final MongoTemplate mongo;
    private final String service;

    Erasure(List<ErasureParticipant> participants, EventOutbox outbox, MongoTemplate mongo, String service) {
        this.participants = participants;
        this.outbox = outbox;
        this.mongo = mongo;
        this.service = service;
    }

    void erase(ProfileErased request) {
        participants.forEach(p -> p.erase(request.profileId()));
        Instant now = Instant.now();
        try {
            outbox.publish(ErasureReceipt.COLLECTION, request.requestId(),
                    new ErasureConfirmed(request.profileId(), request.requestId(), service, now),
                    pending -> mongo.insert(new ErasureReceipt(request.requestId(), request.profileId(), now,
                            pending.ids())));
        } catch (DuplicateKeyException alreadyConfirmed) {
            // a redelivered request: erased again (idempotent), confirmed before
        }
    }
}
