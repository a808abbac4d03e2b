package com.omnicanal.profile.segment;

import com.omnicanal.events.profile.SegmentMembershipChanged;
import com.omnicanal.profile.customer.Profile;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Puts a profile in or out of a segment: the member document by {@code _id}, then the segment's counter and the
 * membership event in one update of the segment document. A chunk of a build marks its events on a change document of
 * its own ({@value #CHANGES}: the segment, how many joined and left, when), written last: the build's marks on the
 * segment's document grew with its members (a million strings at 1M, past a real MongoDB's 16 MB document limit, and
 * each rewrite and read of that document copied them all); the change documents stay as the build's log.
 */
@Component
class Memberships {

    static final String CHANGES = "segment_changes";

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final SegmentRules rules;

    Memberships(MongoTemplate mongo, EventOutbox outbox, SegmentRules rules) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.rules = rules;
    }

    /**
     * Re-evaluates a chunk of profiles against a segment in a few bulk operations (a read of the chunk's member keys,
     * one insert of the newcomers, one delete of the leavers, one counted segment update carrying all the events):
     * what a build over a million profiles needs instead of a round trip per profile.
     */
    int reconcileAll(Segment segment, List<Profile> profiles, Instant now, boolean noMembersYet) {
        Map<String, Profile> byKey = new LinkedHashMap<>();
        profiles.forEach(p -> byKey.put(SegmentMember.key(segment.id(), p.id()), p));
        Set<String> current = new HashSet<>();
        if (!noMembersYet) { // a new segment's first build skips the read: nobody can be a member yet
            ByIds.find(mongo, byKey.keySet(), SegmentMember.class).forEach(m -> current.add(m.id()));
        }
        List<SegmentMember> joining = new ArrayList<>();
        List<String> leaving = new ArrayList<>();
        byKey.forEach((key, profile) -> {
            boolean member = profile.isActive() && rules.matches(segment, profile, now);
            if (member && !current.contains(key)) {
                joining.add(new SegmentMember(key, segment.id(), profile.id(), now));
            } else if (!member && current.contains(key)) {
                leaving.add(key);
            }
        });
        if (joining.isEmpty() && leaving.isEmpty()) {
            return 0;
        }
        List<SegmentMembershipChanged> events = new ArrayList<>();
        joining.forEach(m -> events.add(new SegmentMembershipChanged(m.profileId(), segment.id(), true, now)));
        leaving.forEach(k -> events.add(new SegmentMembershipChanged(byKey.get(k).id(), segment.id(), false, now)));
        String change = UUID.randomUUID().toString();
        outbox.publish(CHANGES, change, events, pending -> {
            long joined = insertNew(joining);
            long left = ByIds.sum(leaving, chunk -> mongo.remove(query(where("_id").in(chunk)), SegmentMember.class)
                    .getDeletedCount());
            mongo.updateFirst(query(where("_id").is(segment.id())), new Update().inc("memberCount", joined - left),
                    Segment.class);
            mongo.insert(new Document("_id", change).append("segmentId", segment.id()).append("joined", joined)
                    .append("left", left).append("at", Date.from(now))
                    .append(PendingEvents.FIELD, new ArrayList<>(pending.ids())), CHANGES);
            return change;
        });
        return events.size();
    }

    /** Inserts the newcomers; one a concurrent single-profile change already added is skipped, not counted twice. */
    private long insertNew(List<SegmentMember> joining) {
        if (joining.isEmpty()) {
            return 0;
        }
        try {
            return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SegmentMember.class).insert(joining).execute()
                    .getInsertedCount();
        } catch (BulkOperationException someAlreadyThere) {
            return someAlreadyThere.getResult().getInsertedCount();
        }
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
