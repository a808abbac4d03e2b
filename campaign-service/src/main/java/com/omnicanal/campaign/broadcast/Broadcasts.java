package com.omnicanal.campaign.broadcast;

import com.omnicanal.campaign.enrollment.Enroller;
import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.support.client.SegmentMemberStream;
import com.omnicanal.support.client.ServiceClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Runs a broadcast: streams the segment's members from profile-service (NDJSON, never loaded whole), enrols them in
 * the journey a chunk ({@code omni.broadcasts.batch}) at a time with bulk writes, its members' first steps concurrently
 * (every customer rule applies at dispatch, in batches), the next chunk enrolled while the previous one still dispatches
 * ({@code omni.broadcasts.in-flight}), at most {@code omni.broadcasts.max-rate} per second; keeps the progress and a
 * heartbeat, and looks at its own state before each chunk, so a pause or a cancel takes effect within the chunks in
 * flight (a few seconds). A
 * broadcast whose instance stopped beating is taken over (compare-and-set) and resumes after the members it had done;
 * enrolments are idempotent per broadcast, so a member counted twice is never enrolled twice.
 */
@Service
class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);
    private static final Duration BEAT = Duration.ofMillis(500);

    private final MongoTemplate mongo;
    private final Journeys journeys;
    private final Enroller enroller;
    private final RestClient profiles;
    private final double maxRate;
    private final int batch;
    private final int depth;
    private final Duration staleAfter;
    private final String instance = UUID.randomUUID().toString();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    Broadcasts(MongoTemplate mongo, Journeys journeys, Enroller enroller, ServiceClients clients,
               @Value("${omni.services.profile-url}") String profileUrl,
               @Value("${omni.broadcasts.max-rate:0}") double maxRate,
               @Value("${omni.broadcasts.stale-after:PT30S}") Duration staleAfter,
               @Value("${omni.broadcasts.batch:500}") int batch,
               @Value("${omni.broadcasts.in-flight:2}") int depth) {
        this.mongo = mongo;
        this.journeys = journeys;
        this.enroller = enroller;
        this.profiles = clients.to(profileUrl);
        this.maxRate = maxRate;
        this.staleAfter = staleAfter;
        this.batch = batch;
        this.depth = depth;
    }

    Broadcast start(String journeyId, String segmentId, String actor) {
        Journey journey = journeys.require(journeyId);
        JsonNode segment = checkStartable(journeyId, segmentId);
        Instant now = Instant.now();
        Broadcast broadcast = mongo.insert(new Broadcast(UUID.randomUUID().toString(), journeyId, journey.activeVersion(),
                segmentId, "running", segment.path("memberCount").asLong(), 0, 0, now, null, actor, instance, now, 0));
        launch(broadcast);
        return broadcast;
    }

    /** The segment, if the journey is active and the segment exists; else 409 or 400. */
    JsonNode checkStartable(String journeyId, String segmentId) {
        Journey journey = journeys.require(journeyId);
        if (!journey.isActive()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the journey is " + journey.state() + ", not active");
        }
        return profiles.get().uri("/api/segments/{id}", segmentId).retrieve()
                .onStatus(s -> s.value() == 404, (req, res) -> {
                    throw new com.omnicanal.support.problem.InvalidRequestException("/segmentId", "no such segment");
                }).body(JsonNode.class);
    }

    /** Broadcasts whose instance went silent (a crash, a restart): claimed by compare-and-set and resumed here. */
    @Scheduled(fixedDelayString = "${omni.broadcasts.check-interval:PT10S}")
    void resumeOrphans() {
        Instant now = Instant.now();
        for (Broadcast b : mongo.find(query(where("state").in("running", "paused")), Broadcast.class)) { // few, small
            if (running.contains(b.id()) || b.heartbeatAt() != null && b.heartbeatAt().isAfter(now.minus(staleAfter))) {
                continue; // running here (never twice in one instance), or beating elsewhere
            }
            boolean claimed = mongo.updateFirst(query(where("_id").is(b.id()).and("owner").is(b.owner())
                    .and("heartbeatAt").is(b.heartbeatAt())), new Update().set("owner", instance).set("heartbeatAt", now)
                    .inc("resumes", 1), Broadcast.class).getModifiedCount() == 1;
            if (claimed) {
                log.info("resuming broadcast {} after {} of {} members (its instance went silent)", b.id(),
                        b.processed(), b.total());
                launch(mongo.findById(b.id(), Broadcast.class));
            }
        }
    }

    private void launch(Broadcast b) {
        running.add(b.id());
        Thread.ofVirtual().name("broadcast-" + b.id()).start(() -> {
            try {
                run(b);
            } finally {
                running.remove(b.id());
            }
        });
    }

    private void run(Broadcast b) {
        int version = b.version() > 0 ? b.version() : journeys.require(b.journeyId()).activeVersion();
        Journey journey = journeys.require(b.journeyId());
        JourneyDefinition d = journeys.definition(journey.id(), version).orElseThrow();
        Progress progress = new Progress(b.processed(), b.enrolled());
        long skip = b.processed();
        // beats at a third of the takeover time: a fixed 5 s let a chunk slower than a 3 s takeover time be taken over
        Duration beatEvery = Duration.ofMillis(Math.max(100, staleAfter.dividedBy(3).toMillis()));
        try (InFlight inFlight = new InFlight(depth, progress, maxRate, () -> beat(b.id()), beatEvery);
             SegmentMemberStream members = SegmentMemberStream.open(profiles, b.segmentId())) {
            List<String> chunk = new ArrayList<>(batch);
            for (String member; (member = members.next()) != null; ) { // a stream cut short throws: never "completed"
                if (skip-- > 0) {
                    continue;
                }
                chunk.add(member);
                if (chunk.size() == batch && !enrolChunk(b, journey, d, chunk, progress, inFlight)) {
                    return; // cancelled, or another instance has it now
                }
            }
            if (!enrolChunk(b, journey, d, chunk, progress, inFlight)) {
                return;
            }
            inFlight.drain();
        } catch (IOException | RuntimeException e) {
            log.warn("broadcast {} stopped after {} members; it resumes when its heartbeat goes stale", b.id(),
                    progress.processed, e);
            return;
        }
        mongo.updateFirst(query(where("_id").is(b.id()).and("state").in("running", "paused").and("owner").is(instance)),
                new Update().set("state", "completed").set("processed", progress.processed)
                        .set("enrolled", progress.enrolled).set("finishedAt", Instant.now()), Broadcast.class);
    }

    /**
     * Enrols a chunk of members at once (bulk writes; their sends go to conversation-service together, in batches),
     * after saving the progress and looking at the state: a pause or a cancel takes effect within the time of the
     * chunks in flight ({@code omni.broadcasts.in-flight}).
     */
    private boolean enrolChunk(Broadcast b, Journey journey, JourneyDefinition d, List<String> chunk, Progress progress,
                               InFlight inFlight) {
        if (!awaitRunning(b.id(), progress)) {
            return false;
        }
        List<String> members = List.copyOf(chunk);
        inFlight.submit(members.size(), () -> enroller.enrolAll(journey, d, members, "broadcast:" + b.id(),
                "broadcast " + b.id()));
        chunk.clear();
        return true;
    }

    /** The heartbeat alone, while chunks are in flight (the progress is saved before the next chunk). */
    private void beat(String id) {
        mongo.updateFirst(query(where("_id").is(id).and("owner").is(instance)), new Update()
                .set("heartbeatAt", Instant.now()), Broadcast.class);
    }

    /** Saves the progress and the heartbeat; waits while paused; false when cancelled or no longer ours. */
    private boolean awaitRunning(String id, Progress progress) {
        while (true) {
            // matched, not modified: two chunks saved within one millisecond change nothing, and it is still ours
            boolean ours = mongo.updateFirst(query(where("_id").is(id).and("owner").is(instance)), new Update()
                    .set("processed", progress.processed).set("enrolled", progress.enrolled)
                    .set("heartbeatAt", Instant.now()), Broadcast.class).getMatchedCount() == 1;
            String state = mongo.findById(id, Broadcast.class).state();
            if (!ours || !"paused".equals(state)) {
                return ours && "running".equals(state);
            }
            try {
                Thread.sleep(BEAT); // paused: look again, beating, until resumed or cancelled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    Broadcast find(String id) {
        Broadcast b = mongo.findById(id, Broadcast.class);
        if (b == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such broadcast");
        }
        return b;
    }

    /** pause (running → paused), resume (paused → running), cancel (running or paused → cancelled); else 409. */
    Broadcast change(String id, String action) {
        Broadcast b = find(id);
        Set<String> from = switch (action) {
            case "pause" -> Set.of("running");
            case "resume" -> Set.of("paused");
            default -> Set.of("running", "paused");
        };
        String to = switch (action) {
            case "pause" -> "paused";
            case "resume" -> "running";
            default -> "cancelled";
        };
        Update update = new Update().set("state", to);
        if (to.equals("cancelled")) {
            update.set("finishedAt", Instant.now());
        }
        if (mongo.updateFirst(query(where("_id").is(id).and("state").in(from)), update, Broadcast.class)
                .getModifiedCount() == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the broadcast is " + b.state() + ": cannot " + action);
        }
        return find(id);
    }
}
