package com.omnicanal.campaign.journey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Journeys and their versions: saving a definition adds a version; publishing makes the newest one the version new
 * enrolments start in (customers already enrolled keep theirs); pause, resume and archive change only the state.
 */
@Service
public class Journeys {

    private static final java.time.Duration RECENT = java.time.Duration.ofSeconds(1);
    private static final int MAX_CACHED = 10_000;

    private final MongoTemplate mongo;
    private final Map<String, JourneyDefinition> definitions = new ConcurrentHashMap<>();
    private volatile Recent recent;

    Journeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private record Recent(List<Journey> journeys, long readAt) {
    }

    Journey save(String id, JourneyDefinition definition, String actor) {
        Instant now = Instant.now();
        for (int attempt = 0; attempt < 5; attempt++) {
            Journey current = mongo.findById(id, Journey.class);
            int version = current == null ? 1 : current.latestVersion() + 1;
            try {
                mongo.insert(new JourneyVersion(JourneyVersion.key(id, version), id, version, definition, now, actor));
            } catch (DuplicateKeyException concurrentSave) {
                continue;
            }
            JourneyDefinition.Trigger t = definition.trigger();
            Update update = new Update().set("name", definition.name()).set("latestVersion", version)
                    .set("updatedAt", now).set("updatedBy", actor).setOnInsert("state", "draft").setOnInsert("activeVersion", 0);
            if (current == null || !current.isActive()) { // an active journey keeps matching its published trigger
                update.set("triggerType", t.type()).set("activityType", t.activityType()).set("segmentId", t.segmentId());
            }
            mongo.upsert(query(where("_id").is(id)), update, Journey.class);
            recent = null;
            return mongo.findById(id, Journey.class);
        }
        throw new ResponseStatusException(HttpStatus.CONFLICT, "the journey is being saved concurrently; try again");
    }

    Journey publish(String id, String actor) {
        Journey journey = require(id);
        JourneyDefinition.Trigger t = definition(id, journey.latestVersion()).orElseThrow().trigger();
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("state", "active")
                .set("activeVersion", journey.latestVersion()).set("triggerType", t.type())
                .set("activityType", t.activityType()).set("segmentId", t.segmentId()).set("updatedAt", Instant.now())
                .set("updatedBy", actor), Journey.class);
        recent = null;
        return require(id);
    }

    Journey setState(String id, String state, String actor) {
        Journey journey = require(id);
        if (journey.activeVersion() == 0 && !"archived".equals(state)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "publish the journey first");
        }
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("state", state).set("updatedAt", Instant.now())
                .set("updatedBy", actor), Journey.class);
        recent = null;
        return require(id);
    }

    public Optional<Journey> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Journey.class));
    }

    public Journey require(String id) {
        return find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such journey"));
    }

    public List<Journey> all() {
        return mongo.findAll(Journey.class);
    }

    /** Every journey, read at most once per {@link #RECENT} (each activity and segment entry asks; a change made here
     * is seen at once, one made on another instance within that second). */
    private List<Journey> recent() {
        Recent r = recent;
        if (r == null || System.nanoTime() - r.readAt() > RECENT.toNanos()) {
            r = new Recent(all(), System.nanoTime());
            recent = r;
        }
        return r.journeys();
    }

    /** Active journeys an activity of this type starts (few journeys: read whole). */
    public List<Journey> triggeredBy(String activityType) {
        return recent().stream().filter(Journey::isActive).filter(j -> "activity".equals(j.triggerType())
                && activityType.equals(j.activityType())).toList();
    }

    /** Active journeys (read at most once a second: every segment entry asks). */
    public List<Journey> active() {
        return recent().stream().filter(Journey::isActive).toList();
    }

    /** A version's definition; versions are never changed once saved, so each is read from the store once. */
    public Optional<JourneyDefinition> definition(String journeyId, int version) {
        String key = JourneyVersion.key(journeyId, version);
        JourneyDefinition cached = definitions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<JourneyDefinition> read = Optional.ofNullable(mongo.findById(key, JourneyVersion.class))
                .map(JourneyVersion::definition);
        if (read.isPresent() && definitions.size() < MAX_CACHED) {
            definitions.put(key, read.get());
        }
        return read;
    }
}
