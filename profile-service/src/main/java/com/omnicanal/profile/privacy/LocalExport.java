package com.omnicanal.profile.privacy;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Everything this service holds about a person, as JSON (right of access / portability): its export section. */
@Component
class LocalExport {

    private final MongoTemplate mongo;

    LocalExport(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Map<String, Object> of(String profileId) {
        Document profile = mongo.findById(profileId, Document.class, "profiles");
        if (profile != null) {
            profile.remove("_outbox");
        }
        return Map.of("profile", profile == null ? Map.of() : profile,
                "activities", clean(mongo.find(query(where("profileId").is(profileId)), Document.class, "activities")),
                "timeline", clean(mongo.find(query(where("_id").regex("^" + Pattern.quote(profileId) + ":")),
                        Document.class, "timeline")),
                "privacyRequests", clean(mongo.find(query(where("profileId").is(profileId)), Document.class,
                        ErasureRequest.COLLECTION)));
    }

    private static List<Document> clean(List<Document> documents) {
        documents.forEach(d -> d.remove("_outbox"));
        return documents;
    }
}
