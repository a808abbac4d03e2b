package com.omnicanal.profile.segment;

import com.omnicanal.events.profile.SegmentMembershipChanged;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Puts a profile in or out of a segment: the member document by {@code _id}, then the segment's counter and the
 * membership event in one update of the segment document.
 */
@Component
class Memberships {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final SegmentRules rules;

    Memberships(MongoTemplate mongo, EventOutbox outbox, SegmentRules rules) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.rules = rules;
    }

    /** Re-evaluates one profile against one segment; true when its membership changed. */
    boolean reconcile(Segment segment, Profile profile, Instant now) {
        boolean member = rules.matches(segment, profile, now);
        String key = SegmentMember.key(segment.id(), profile.id());
        if (member) {
            try {
                mongo.insert(new SegmentMember(key, segment.id(), profile.id(), now));
            } catch (DuplicateKeyException already) {
                return false;
            }
        } else if (mongo.remove(query(where("_id").is(key)), SegmentMember.class).getDeletedCount() == 0) {
            return false;
        }
        outbox.publish(Segment.COLLECTION, segment.id(), new SegmentMembershipChanged(profile.id(), segment.id(),
                member, now), pending -> mongo.updateFirst(query(where("_id").is(segment.id())),
                pending.mark(new Update().inc("memberCount", member ? 1 : -1)), Segment.class));
        return true;
    }
}
