package com.omnicanal.profile.privacy;

import com.omnicanal.events.privacy.ErasureConfirmed;
import com.omnicanal.events.profile.ProfileErased;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Erasure requests: recorded together with {@code profile.erased} (so every service hears of it), carried out here,
 * and complete once every confirming service has said it erased its part.
 */
@Service
class Erasures {

    static final String SERVICE = "profile-service";

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final LocalErasure local;
    private final PrivacyProperties properties;

    Erasures(MongoTemplate mongo, EventOutbox outbox, LocalErasure local, PrivacyProperties properties) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.local = local;
        this.properties = properties;
    }

    ErasureRequest request(String profileId, String actor) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        outbox.publish(ErasureRequest.COLLECTION, id, new ProfileErased(profileId, id, now), pending -> mongo.insert(
                new ErasureRequest(id, profileId, ErasureRequest.REQUESTED, now, actor,
                        properties.confirmingServices(), Map.of(), null, pending.ids())));
        return carryOut(id, profileId);
    }

    Optional<ErasureRequest> find(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, ErasureRequest.class));
    }

    void confirmed(ErasureConfirmed confirmation) {
        confirm(confirmation.requestId(), confirmation.service(), confirmation.occurredAt());
    }

    /** Carries out requests a crash interrupted before this service erased its own part. */
    @Scheduled(fixedDelayString = "${omni.privacy.recovery-interval:30s}")
    void recover() {
        Instant stale = Instant.now().minus(Duration.ofSeconds(30));
        mongo.find(query(where("state").is(ErasureRequest.REQUESTED).and("requestedAt").lt(stale)), ErasureRequest.class)
                .stream().filter(r -> !r.confirmations().containsKey(SERVICE))
                .forEach(r -> carryOut(r.id(), r.profileId()));
    }

    private ErasureRequest carryOut(String id, String profileId) {
        local.erase(profileId);
        return confirm(id, SERVICE, Instant.now());
    }

    private ErasureRequest confirm(String requestId, String service, Instant at) {
        ErasureRequest request = mongo.findAndModify(query(where("_id").is(requestId)),
                new Update().set("confirmations." + service, at), FindAndModifyOptions.options().returnNew(true),
                ErasureRequest.class);
        if (request != null && !ErasureRequest.COMPLETE.equals(request.state())
                && request.confirmations().keySet().containsAll(Set.copyOf(request.expected()))) {
            mongo.updateFirst(query(where("_id").is(requestId).and("state").is(ErasureRequest.REQUESTED)),
                    new Update().set("state", ErasureRequest.COMPLETE).set("completedAt", Instant.now()),
                    ErasureRequest.class);
            return mongo.findById(requestId, ErasureRequest.class);
        }
        return request;
    }
}
