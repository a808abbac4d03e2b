package com.omnicanal.profile.privacy;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileIdentifier;
import com.omnicanal.profile.customer.ProfileStatus;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Erases what this service holds: the profile becomes a tombstone, identifiers are released, activities keep only
 * what aggregates need (type, time, amount) without the person, timeline and merge journals go. Idempotent.
 */
@Component
class LocalErasure {

    private final MongoTemplate mongo;

    LocalErasure(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void erase(String profileId) {
        Profile profile = mongo.findById(profileId, Profile.class);
        if (profile != null) {
            for (String key : profile.identifiers().stream().map(ProfileIdentifier::key).toList()) {
                Document link = mongo.findById(key, Document.class, "identifiers"); // by _id: no scan
                if (link != null && profileId.equals(link.getString("profileId"))) {
                    mongo.remove(query(where("_id").is(key)), "identifiers");
                }
            }
        }
        mongo.updateFirst(query(where("_id").is(profileId)), new Update().set("status", ProfileStatus.ERASED)
                .unset("name").unset("language").unset("timezone").unset("mergedInto").set("identifiers", List.of())
                .set("consents", new Document()).unset("consentHistory").unset("preferences").unset("activity")
                .unset("countedKeys") // the ids of the customer's last messages, kept to count each reply once
                .set("appliedMerges", List.of()), Profile.class);
        mongo.updateMulti(query(where("profileId").is(profileId)), new Update().set("profileId", "erased")
                .unset("attributes").unset("items").unset("orderId").unset("storeId"), "activities");
        mongo.remove(query(where("_id").regex("^" + Pattern.quote(profileId) + ":")), "timeline");
        mongo.remove(query(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
                where("targetId").is(profileId), where("sourceId").is(profileId))), "merges");
    }
}
