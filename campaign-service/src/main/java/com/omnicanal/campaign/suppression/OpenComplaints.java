package com.omnicanal.campaign.suppression;

import com.omnicanal.events.conversation.ComplaintOpened;
import com.omnicanal.events.conversation.ComplaintResolved;
import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Who has an open complaint, by profile id (a local read model: promotions are planned without asking
 * conversation-service); when the last one is resolved, held enrolments are told so they can resume after a cool-off.
 */
@Component
public class OpenComplaints {

    static final String COLLECTION = "open_complaints";

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher local;

    OpenComplaints(MongoTemplate mongo, ApplicationEventPublisher local) {
        this.mongo = mongo;
        this.local = local;
    }

    /** Told in-process when a customer's last open complaint is resolved. */
    public record ComplaintsCleared(String profileId, Instant at) {
    }

    public boolean isOpen(String profileId) {
        Document d = mongo.findById(profileId, Document.class, COLLECTION);
        return d != null && !d.getList("ids", String.class, List.of()).isEmpty();
    }

    /** Those of {@code profileIds} with an open complaint, read by {@code _id} in a few reads (a broadcast's chunk). */
    public Set<String> openAmong(Collection<String> profileIds) {
        Set<String> open = new HashSet<>();
        for (Document d : ByIds.find(mongo, profileIds, Document.class, COLLECTION)) {
            if (!d.getList("ids", String.class, List.of()).isEmpty()) {
                open.add(d.getString("_id"));
            }
        }
        return open;
    }

    void opened(ComplaintOpened event) {
        mongo.upsert(query(where("_id").is(event.profileId())), new Update().addToSet("ids", event.complaintId()),
                COLLECTION);
    }

    void resolved(ComplaintResolved event) {
        mongo.updateFirst(query(where("_id").is(event.profileId())), new Update().pull("ids", event.complaintId()),
                COLLECTION);
        if (!isOpen(event.profileId())) {
            local.publishEvent(new ComplaintsCleared(event.profileId(), event.resolvedAt()));
        }
    }
}
