package com.omnicanal.campaign.broadcast;

import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.timer.TimerDue;
import com.omnicanal.support.timer.TimersDue;
import com.omnicanal.support.timer.Timers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Recurring sends to a segment (nurturing): a broadcast of the journey every period, on a durable timer, so each run
 * happens once whichever instance fires it; each run is a new trigger, so the journey's re-entry rule decides who
 * enters again.
 */
@Service
class Recurrences {

    static final String COLLECTION = "recurring_broadcasts";
    private static final String SUBJECT = "recurring:";
    private static final Logger log = LoggerFactory.getLogger(Recurrences.class);

    private final MongoTemplate mongo;
    private final Timers timers;
    private final Broadcasts broadcasts;
    private final Duration minPeriod;

    Recurrences(MongoTemplate mongo, Timers timers, Broadcasts broadcasts,
                @Value("${omni.broadcasts.min-period:PT1H}") Duration minPeriod) {
        this.mongo = mongo;
        this.timers = timers;
        this.broadcasts = broadcasts;
        this.minPeriod = minPeriod;
    }

    Document create(String journeyId, String segmentId, String every, String actor) {
        Duration period = period(every);
        broadcasts.checkStartable(journeyId, segmentId);
        String id = UUID.randomUUID().toString();
        String token = UUID.randomUUID().toString();
        Instant first = Instant.now();
        mongo.insert(new Document("_id", id).append("journeyId", journeyId).append("segmentId", segmentId)
                .append("every", period.toString()).append("state", "active").append("token", token)
                .append("nextAt", first).append("runs", java.util.List.of()).append("createdBy", actor)
                .append("createdAt", first), COLLECTION);
        timers.schedule(SUBJECT + id, token, first);
        return find(id);
    }

    private Duration period(String every) {
        try {
            Duration period = Duration.parse(every);
            if (period.compareTo(minPeriod) < 0) {
                throw new InvalidRequestException("/every", "at least " + minPeriod);
            }
            return period;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidRequestException("/every", "an ISO-8601 duration such as P7D");
        }
    }

    /** Runs due among a sweep's batch of timers ({@code omni.timers.batch}). */
    @EventListener
    void dueAll(TimersDue due) {
        due.timers().forEach(this::due);
    }

    /** A run is due: claimed by moving the token on (once, whichever instance), then the broadcast starts. */
    @EventListener
    void due(TimerDue due) {
        if (!due.subject().startsWith(SUBJECT)) {
            return;
        }
        String id = due.subject().substring(SUBJECT.length());
        Document r = mongo.findById(id, Document.class, COLLECTION);
        if (r == null || !"active".equals(r.getString("state")) || !due.token().equals(r.getString("token"))) {
            return;
        }
        String next = UUID.randomUUID().toString();
        Instant nextAt = r.getDate("nextAt").toInstant().plus(Duration.parse(r.getString("every")));
        if (mongo.updateFirst(query(where("_id").is(id).and("token").is(due.token())), new Update().set("token", next)
                .set("nextAt", nextAt), COLLECTION).getModifiedCount() == 0) {
            return;
        }
        timers.schedule(SUBJECT + id, next, nextAt.isBefore(Instant.now()) ? Instant.now() : nextAt);
        String run;
        try {
            run = broadcasts.start(r.getString("journeyId"), r.getString("segmentId"), "recurring " + id).id();
        } catch (RuntimeException cannot) {
            log.info("recurring broadcast {} skipped a run: {}", id, cannot.getMessage());
            run = "skipped: " + cannot.getMessage();
        }
        mongo.updateFirst(query(where("_id").is(id)), new Update().push("runs").slice(-100).each(run), COLLECTION);
    }

    Document find(String id) {
        Document r = mongo.findById(id, Document.class, COLLECTION);
        if (r == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such recurring broadcast");
        }
        return r;
    }

    Document stop(String id) {
        find(id);
        if (mongo.updateFirst(query(where("_id").is(id).and("state").is("active")), new Update().set("state", "stopped")
                .set("stoppedAt", Instant.now()), COLLECTION).getModifiedCount() == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the recurring broadcast is already stopped");
        }
        return find(id);
    }
}
