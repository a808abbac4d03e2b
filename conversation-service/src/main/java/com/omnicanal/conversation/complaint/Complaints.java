package com.omnicanal.conversation.complaint;

import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.routing.Router;
import com.omnicanal.events.conversation.ComplaintOpened;
import com.omnicanal.events.conversation.ComplaintResolved;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Opening a complaint makes its conversation the most urgent in the queue and holds promotions to the customer until
 * it is resolved; both moments are published with the profile id for the rest of the platform.
 */
@Service
public class Complaints {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Conversations conversations;
    private final OpenComplaints open;
    private final Router router;

    Complaints(MongoTemplate mongo, EventOutbox outbox, Conversations conversations, OpenComplaints open, Router router) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.conversations = conversations;
        this.open = open;
        this.router = router;
    }

    /** What a complaint is about; {@code id} makes a caller's retry land on the same complaint. */
    public record Opening(String id, String category, String severity, String source, String details, String owner) {
    }

    public Complaint open(Conversation c, Opening o, Instant now) {
        Complaint complaint = new Complaint(o.id(), c.id(), c.profileId(), o.category(), o.severity(), o.source(),
                o.details(), "open", o.owner(), false, null, now, null, null);
        try {
            outbox.publish(Complaint.COLLECTION, o.id(), new ComplaintOpened(c.profileId(), c.id(), o.id(), o.category(),
                    o.severity(), o.source(), now), pending -> mongo.insert(withMarks(complaint, pending.ids())));
        } catch (DuplicateKeyException retried) {
            return mongo.findById(o.id(), Complaint.class);
        }
        open.opened(c.profileId(), o.id());
        conversations.setComplaint(c.id(), o.id());
        conversations.setPriority(c.id(), Conversation.PRIORITY_COMPLAINT);
        conversations.find(c.id()).ifPresent(updated -> router.enqueue(updated, channelOf(updated), now));
        return mongo.findById(o.id(), Complaint.class);
    }

    /** The open complaint of a conversation, if any (keyword rules never open a second one). */
    public boolean hasOpenComplaint(Conversation c) {
        return c.complaintId() != null;
    }

    Optional<Complaint> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Complaint.class));
    }

    Complaint resolve(Complaint c, String resolution, Instant now) {
        if (!c.status().equals("open")) {
            return c;
        }
        outbox.publish(Complaint.COLLECTION, c.id(), new ComplaintResolved(c.profileId(), c.conversationId(), c.id(),
                c.category(), resolution, now), pending -> mongo.updateFirst(query(where("_id").is(c.id())),
                pending.mark(new Update().set("status", "resolved").set("resolution", resolution).set("resolvedAt", now)),
                Complaint.class));
        open.closed(c.profileId(), c.id());
        conversations.setComplaint(c.conversationId(), null);
        return mongo.findById(c.id(), Complaint.class);
    }

    Complaint escalate(Complaint c, String supervisor) {
        mongo.updateFirst(query(where("_id").is(c.id())), new Update().set("escalated", true).set("owner", supervisor),
                Complaint.class);
        return mongo.findById(c.id(), Complaint.class);
    }

    private static String channelOf(Conversation c) {
        return c.lastInboundChannel() == null ? c.channels().stream().findFirst().orElse("webchat") : c.lastInboundChannel();
    }

    private static Complaint withMarks(Complaint c, java.util.Set<String> marks) {
        return new Complaint(c.id(), c.conversationId(), c.profileId(), c.category(), c.severity(), c.source(),
                c.details(), c.status(), c.owner(), c.escalated(), c.resolution(), c.openedAt(), c.resolvedAt(), marks);
    }
}
