package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.writes.GroupedWrites;
import com.omnicanal.support.batch.ByIds;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The one contact-pressure budget of the platform, per customer and rolling window: at most N messages of a purpose
 * (e.g. 2 marketing and 1 survey in 7 days); service messages are never blocked but are counted. A slot is reserved
 * with a compare-and-set on the customer's document before sending, so two senders can never both take the last one.
 */
@Component
class PressureBudget {

    static final String COLLECTION = "contact_pressure";
    private static final int KEPT = 100;

    private final MongoTemplate mongo;
    private final Duration window;
    private final Map<String, Integer> limits;
    private final GroupedWrites grouped;

    PressureBudget(MongoTemplate mongo, GroupedWrites grouped, @Value("${omni.pressure.window:7d}") Duration window,
                   @Value("#{${omni.pressure.limits:{marketing: 2, surveys: 1}}}") Map<String, Integer> limits) {
        this.mongo = mongo;
        this.grouped = grouped;
        this.window = window;
        this.limits = limits;
        // the reservation is a compare-and-set on {_id, version}: the embedded store indexes only that exact key set
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("id_version"));
    }

    /** Empty when a slot was reserved; else when the next one frees up. */
    Optional<Instant> reserve(String profileId, String purpose, String requestId, Instant now) {
        return reserve(profileId, purpose, requestId, now, null);
    }

    /** The same, starting from the document its batch read ({@code known}; null: not read), re-read if it moved. */
    Optional<Instant> reserve(String profileId, String purpose, String requestId, Instant now,
                              Optional<Document> known) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document current = attempt == 0 && known != null ? known.orElse(null)
                    : mongo.findById(profileId, Document.class, COLLECTION);
            List<Document> sends = current == null ? List.of() : current.getList("sends", Document.class, List.of());
            if (sends.stream().anyMatch(s -> requestId.equals(s.getString("requestId")))) {
                return Optional.empty(); // this request's slot is taken already (its grouped insert was written twice)
            }
            Integer limit = limits.get(purpose);
            List<Instant> counted = sends.stream().filter(s -> purpose.equals(s.getString("purpose")))
                    .map(s -> s.getDate("at").toInstant()).filter(at -> at.isAfter(now.minus(window)))
                    .sorted(Comparator.naturalOrder()).toList();
            if (limit != null && counted.size() >= limit) {
                if (attempt == 0 && known != null) {
                    continue; // the batch's copy says full: judged again on a fresh read before deferring
                }
                return Optional.of(counted.get(counted.size() - limit).plus(window));
            }
            if (take(profileId, current, new Document("requestId", requestId).append("purpose", purpose)
                    .append("at", java.util.Date.from(now)))) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("the contact-pressure budget of " + profileId + " is changing too fast");
    }

    private boolean take(String profileId, Document current, Document send) {
        Update update = new Update().push("sends").slice(-KEPT).each(send).inc("version", 1);
        if (current == null) { // a taken key: created meanwhile, judged again on a fresh read
            return grouped.insert(COLLECTION, new Document("_id", profileId).append("version", 1L)
                    .append("sends", List.of(send)));
        }
        return mongo.updateFirst(query(where("_id").is(profileId).and("version").is(current.get("version"))), update,
                COLLECTION).getModifiedCount() == 1;
    }

    /** The budgets of a batch's customers, read by {@code _id}: profile id → its document (empty: none yet). */
    Map<String, Optional<Document>> read(Collection<String> profileIds) {
        Map<String, Optional<Document>> read = new HashMap<>();
        profileIds.forEach(id -> read.put(id, Optional.empty()));
        ByIds.find(mongo, profileIds, Document.class, COLLECTION)
                .forEach(d -> read.put(d.getString("_id"), Optional.of(d)));
        return read;
    }

    /** Gives back a reserved slot when the message did not go after all. */
    void release(String profileId, String requestId) {
        mongo.updateFirst(query(where("_id").is(profileId)), new Update().pull("sends", new Document("requestId", requestId))
                .inc("version", 1), COLLECTION);
    }

    Map<String, Integer> limits() {
        return limits;
    }

    Duration window() {
        return window;
    }
}
