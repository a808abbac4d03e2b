package com.omnicanal.profile.segment;

import com.omnicanal.profile.customer.Profile;
import com.omnicanal.profile.customer.ProfileStatus;
import com.omnicanal.profile.customer.ProfileStore.ProfileChanged;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Dynamic segments: membership follows every profile change at once; a sweep re-checks time-based conditions
 * (e.g. "no store visit in 90 days") and builds new segments over existing profiles.
 */
@Service
class Segments {

    private final MongoTemplate mongo;
    private final SegmentRules rules;
    private final Memberships memberships;
    private static final int BUILD_CHUNK = 1000;

    private final List<Segment> cache = new CopyOnWriteArrayList<>();

    Segments(MongoTemplate mongo, SegmentRules rules, Memberships memberships) {
        this.mongo = mongo;
        this.rules = rules;
        this.memberships = memberships;
    }

    Segment create(String id, String name, String description, String match, List<Condition> conditions, String actor) {
        List<com.omnicanal.support.problem.ProblemHandling.InvalidField> problems = rules.problems(conditions);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Segment segment = new Segment(id, name, description, "any".equals(match) ? "any" : "all", conditions, 0,
                Segment.BUILDING, Instant.now(), actor, Set.of());
        try {
            mongo.insert(segment);
        } catch (DuplicateKeyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "segment " + id + " exists");
        }
        refresh();
        Thread.ofVirtual().name("segment-build-" + id).start(() -> build(segment));
        return segment;
    }

    List<Segment> all() {
        return mongo.findAll(Segment.class);
    }

    Optional<Segment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Segment.class));
    }

    Stream<SegmentMember> members(String id) {
        return mongo.stream(query(where("segmentId").is(id)).cursorBatchSize(BUILD_CHUNK), SegmentMember.class);
    }

    @EventListener
    void onProfileChanged(ProfileChanged changed) {
        if (cache.isEmpty() && mongo.estimatedCount(Segment.class) > 0) {
            refresh();
        }
        Instant now = Instant.now();
        cache.forEach(segment -> memberships.reconcile(segment, changed.profile(), now));
    }

    @EventListener
    void onProfilesChanged(com.omnicanal.profile.customer.ProfileStore.ProfilesChanged changed) {
        if (cache.isEmpty() && mongo.estimatedCount(Segment.class) > 0) {
            refresh();
        }
        Instant now = Instant.now();
        cache.forEach(segment -> memberships.reconcileAll(segment, changed.profiles(), now, false));
    }

    /** Time moves members in and out without any profile changing: re-check every profile regularly. */
    @Scheduled(fixedDelayString = "${omni.segments.sweep-interval:1h}", initialDelayString = "${omni.segments.sweep-interval:1h}")
    void sweep() {
        refresh();
        cache.forEach(this::build);
    }

    /** Every active profile in chunks, then every current member (one that is no longer active leaves). */
    private void build(Segment segment) {
        Instant now = Instant.now();
        boolean fresh = Segment.BUILDING.equals(segment.state()) && segment.memberCount() == 0;
        // in batches: the embedded server would otherwise answer with every profile in one (over-sized) reply
        try (Stream<Profile> profiles = mongo.stream(query(where("status").is(ProfileStatus.ACTIVE))
                .cursorBatchSize(BUILD_CHUNK), Profile.class)) {
            chunked(profiles, chunk -> memberships.reconcileAll(segment, chunk, now, fresh));
        }
        if (!fresh) {
            try (Stream<SegmentMember> members = members(segment.id())) {
                chunked(members.map(SegmentMember::profileId), ids -> memberships.reconcileAll(segment,
                        ByIds.find(mongo, ids, Profile.class), now, false));
            }
        }
        mongo.updateFirst(query(where("_id").is(segment.id())), new Update().set("state", Segment.READY), Segment.class);
    }

    private static <T> void chunked(Stream<T> items, java.util.function.Consumer<List<T>> each) {
        List<T> chunk = new java.util.ArrayList<>(BUILD_CHUNK);
        items.forEach(item -> {
            chunk.add(item);
            if (chunk.size() == BUILD_CHUNK) {
                each.accept(List.copyOf(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            each.accept(chunk);
        }
    }

    private void refresh() {
        cache.clear();
        cache.addAll(all());
    }
}
