package com.omnicanal.feedback.touchpoint;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Creates touchpoints with unguessable public codes and says where their QR codes point. */
@Service
class Touchpoints {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final String publicUrl;

    Touchpoints(MongoTemplate mongo, @Value("${omni.feedback.public-url:http://localhost:8080}") String publicUrl) {
        this.mongo = mongo;
        this.publicUrl = publicUrl;
    }

    Touchpoint create(String surveyId, String storeId, String name, String createdBy) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return mongo.insert(new Touchpoint(code, surveyId, storeId, name, createdBy, Instant.now()));
    }

    Optional<Touchpoint> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Touchpoint.class));
    }

    /** A survey's touchpoints (a few per store: read by survey, not on a hot path). */
    List<Touchpoint> ofSurvey(String surveyId) {
        return mongo.find(query(where("surveyId").is(surveyId)), Touchpoint.class);
    }

    String link(Touchpoint touchpoint) {
        return publicUrl + "/q/" + touchpoint.code();
    }
}
