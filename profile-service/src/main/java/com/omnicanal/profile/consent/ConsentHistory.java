package com.omnicanal.profile.consent;

import com.omnicanal.profile.customer.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads the consent history kept inside the profile document (only that field). */
@Component
class ConsentHistory {

    private final MongoTemplate mongo;

    ConsentHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private record HistoryOnly(List<ConsentHistoryEntry> consentHistory) {
    }

    List<ConsentHistoryEntry> of(String profileId) {
        Query query = Query.query(where("_id").is(profileId));
        query.fields().include(Consents.HISTORY);
        HistoryOnly only = mongo.findOne(query, HistoryOnly.class, Profile.COLLECTION);
        return only == null || only.consentHistory() == null ? List.of() : only.consentHistory();
    }
}
