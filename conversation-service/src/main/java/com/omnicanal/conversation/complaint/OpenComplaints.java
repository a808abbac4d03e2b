package com.omnicanal.conversation.complaint;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The open complaints of each profile, by profile id: the dispatcher asks it before every promotion. */
@Component
public class OpenComplaints {

    static final String COLLECTION = "open_complaints";

    private final MongoTemplate mongo;

    OpenComplaints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean isOpen(String profileId) {
        Document d = mongo.findById(profileId, Document.class, COLLECTION);
        return d != null && !d.getList("ids", String.class, List.of()).isEmpty();
    }

    void opened(String profileId, String complaintId) {
        mongo.upsert(query(where("_id").is(profileId)), new Update().addToSet("ids", complaintId), COLLECTION);
    }

    void closed(String profileId, String complaintId) {
        mongo.updateFirst(query(where("_id").is(profileId)), new Update().pull("ids", complaintId), COLLECTION);
    }
}
