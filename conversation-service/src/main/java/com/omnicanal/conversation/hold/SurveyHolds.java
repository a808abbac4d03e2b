package com.omnicanal.conversation.hold;

import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A customer answering a survey in the conversation (held by feedback-service until a time): their messages are
 * still stored and published, but neither the bot nor routing nor SLAs treat them as a request for an agent.
 */
@Component
public class SurveyHolds {

    static final String COLLECTION = "survey_holds";

    private final MongoTemplate mongo;

    SurveyHolds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean isHeld(String profileId, Instant at) {
        Document hold = mongo.findById(profileId, Document.class, COLLECTION);
        return hold != null && hold.getDate("until").toInstant().isAfter(at);
    }

    /** Until when each of these customers' replies belong to a survey (only those with a hold), read by {@code _id}. */
    public Map<String, Instant> heldUntil(Collection<String> profileIds) {
        Map<String, Instant> until = new HashMap<>();
        ByIds.find(mongo, profileIds, Document.class, COLLECTION)
                .forEach(hold -> until.put(hold.getString("_id"), hold.getDate("until").toInstant()));
        return until;
    }

    void hold(String profileId, Instant until, String reference) {
        mongo.save(new Document("_id", profileId).append("until", Date.from(until)).append("reference", reference),
                COLLECTION);
    }

    void release(String profileId) {
        mongo.remove(query(where("_id").is(profileId)), COLLECTION);
    }
}
