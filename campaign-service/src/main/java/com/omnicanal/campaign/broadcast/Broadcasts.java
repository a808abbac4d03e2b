package com.omnicanal.campaign.broadcast;

import com.omnicanal.campaign.enrollment.Enroller;
import com.omnicanal.campaign.journey.Journey;
import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.support.client.ServiceClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Runs a broadcast: streams the segment's members from profile-service (NDJSON, never loaded whole), enrols each in
 * the journey (every customer rule applies at dispatch), keeps the progress, and looks at its own state every few
 * members so a pause or a cancel takes effect within seconds.
 */
@Service
class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);
    private static final int CHECK_EVERY = 20;

    private final MongoTemplate mongo;
    private final Journeys journeys;
    private final Enroller enroller;
    private final RestClient profiles;

    Broadcasts(MongoTemplate mongo, Journeys journeys, Enroller enroller, ServiceClients clients,
               @Value("${omni.services.profile-url}") String profileUrl) {
        this.mongo = mongo;
        this.journeys = journeys;
        this.enroller = enroller;
        this.profiles = clients.to(profileUrl);
    }

    Broadcast start(String journeyId, String segmentId, String actor) {
        Journey journey = journeys.require(journeyId);
        if (!journey.isActive()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the journey is " + journey.state() + ", not active");
        }
        JsonNode segment = profiles.get().uri("/api/segments/{id}", segmentId).retrieve()
                .onStatus(s -> s.value() == 404, (req, res) -> {
                    throw new com.omnicanal.support.problem.InvalidRequestException("segmentId", "no such segment");
                }).body(JsonNode.class);
        Broadcast broadcast = mongo.insert(new Broadcast(UUID.randomUUID().toString(), journeyId, segmentId, "running",
                segment.path("memberCount").asLong(), 0, 0, Instant.now(), null, actor));
        Thread.ofVirtual().name("broadcast-" + broadcast.id()).start(() -> run(broadcast, journey));
        return broadcast;
    }

    private void run(Broadcast b, Journey journey) {
        JourneyDefinition d = journeys.definition(journey.id(), journey.activeVersion()).orElseThrow();
        long processed = 0;
        long enrolled = 0;
        try (BufferedReader members = new BufferedReader(new InputStreamReader(profiles.get()
                .uri("/api/segments/{id}/members", b.segmentId()).exchange((req, res) -> res.getBody(), false),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = members.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (processed % CHECK_EVERY == 0 && !awaitRunning(b.id(), processed, enrolled)) {
                    return; // cancelled
                }
                enrolled += enroller.enrol(journey, d, profileId(line), "broadcast:" + b.id(), "broadcast " + b.id()) ? 1 : 0;
                processed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            log.warn("broadcast {} stopped after {} members", b.id(), processed, e);
        }
        mongo.updateFirst(query(where("_id").is(b.id()).and("state").in("running", "paused")), new Update()
                .set("state", "completed").set("processed", processed).set("enrolled", enrolled)
                .set("finishedAt", Instant.now()), Broadcast.class);
    }

    /** Saves the progress; waits while paused; false when cancelled. */
    private boolean awaitRunning(String id, long processed, long enrolled) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("processed", processed).set("enrolled", enrolled),
                Broadcast.class);
        while (true) {
            String state = mongo.findById(id, Broadcast.class).state();
            if (!"paused".equals(state)) {
                return !"cancelled".equals(state);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static String profileId(String line) {
        String trimmed = line.trim();
        int at = trimmed.indexOf("\"profileId\"");
        if (at < 0) {
            return trimmed.replace("\"", "");
        }
        int start = trimmed.indexOf('"', trimmed.indexOf(':', at) + 1) + 1;
        return trimmed.substring(start, trimmed.indexOf('"', start));
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
