package com.omnicanal.conversation.complaint;

import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** Which of these profiles have an open complaint, in reads by {@code _id}. */
    public Set<String> openOf(Collection<String> profileIds) {
        Set<String> open = new HashSet<>();
        ByIds.find(mongo, profileIds, Document.class, COLLECTION).stream()
                .filter(d -> !d.getList("ids", String.class, List.of()).isEmpty()).forEach(d -> open.add(d.getString("_id")));
        return open;
    }

    void opened(String profileId, String complaintId) {
        mongo.upsert(query(where("_id").is(profileId)), new Update().addToSet("ids", complaintId), COLLECTION);
    }

    void closed(String profileId, String complaintId) {
        mongo.updateFirst(query(where("_id").is(profileId)), new Update().pull("ids", complaintId), COLLECTION);
    }
}
