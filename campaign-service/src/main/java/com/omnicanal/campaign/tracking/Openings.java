package com.omnicanal.campaign.tracking;

import com.omnicanal.events.campaign.LinkClicked;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Someone opened a tracked link: counted on the link (total and per hour, UTC), published as
 * {@code omni.campaign.link-clicked.v1} through the outbox, and told in-process; who it was comes from the link itself
 * (per-recipient), else from the signed-in customer whose app opened it, else from the visitor cookie one of those
 * left earlier.
 */
@Component
class Openings {

    private static final String VISITORS = "link_visitors";
    private static final String PROFILE_SCANS = "profile_scans";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final ApplicationEventPublisher local;

    Openings(MongoTemplate mongo, EventOutbox outbox, ApplicationEventPublisher local) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.local = local;
    }

    record Opened(String url, String visitor) {
    }

    /** {@code signedIn}: the profile of the customer whose app opened it, or null. */
    Optional<Opened> open(String code, String visitor, String signedIn) {
        Document link = mongo.findById(code, Document.class, TrackedLinks.LINKS);
        if (link == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        // a per-recipient link names whom its send was for, even when someone else opens it
        String identified = link.getString("profileId") != null ? link.getString("profileId") : signedIn;
        String profileId = identified != null ? identified : visitorProfile(visitor);
        String newVisitor = visitor != null ? visitor : TrackedLinks.newCode() + TrackedLinks.newCode();
        if (identified != null) {
            mongo.upsert(query(where("_id").is(newVisitor)), new Update().set("profileId", profileId).set("at", now), VISITORS);
        }
        LinkClicked event = new LinkClicked(profileId, code, link.getString("kind"), link.getString("journeyId"),
                link.getString("enrollmentId"), link.getString("place"), now);
        Update update = new Update().inc("clicks", 1).inc("hours." + HOUR.format(now), 1).set("lastAt", now);
        if (profileId != null) {
            update.inc("knownClicks", 1);
        }
        Document before = outbox.publish(TrackedLinks.LINKS, code, event, pending -> mongo.findAndModify(
                query(where("_id").is(code)), pending.mark(update), FindAndModifyOptions.options().returnNew(false),
                Document.class, TrackedLinks.LINKS));
        if ("qr".equals(link.getString("kind")) && profileId != null) {
            mongo.upsert(query(where("_id").is(profileId)), new Update().push("scans").slice(-20)
                    .each(new Document("code", code).append("at", now)), PROFILE_SCANS);
        }
        local.publishEvent(new LinkOpened(code, link.getString("kind"), link.getString("requestId"),
                link.getString("enrollmentId"), profileId, link.getString("journeyId"), link.getString("phase"),
                link.getString("step"), link.getString("variant"), link.getString("url"),
                before == null || before.get("clicks", Number.class).longValue() == 0, now));
        return Optional.of(new Opened(link.getString("url"), newVisitor));
    }

    private String visitorProfile(String visitor) {
        Document known = visitor == null ? null : mongo.findById(visitor, Document.class, VISITORS);
        return known == null ? null : known.getString("profileId");
    }

    /** The QR codes a profile scanned recently (newest last), for attributing what they do next. */
    List<Document> scansOf(String profileId) {
        Document d = mongo.findById(profileId, Document.class, PROFILE_SCANS);
        return d == null ? List.of() : d.getList("scans", Document.class, List.of());
    }

    /** {@link #scansOf} for many profiles: one read; a profile without scans is absent. */
    Map<String, List<Document>> scansOf(Collection<String> profileIds) {
        Map<String, List<Document>> scans = new HashMap<>();
        for (Document d : ByIds.find(mongo, Set.copyOf(profileIds), Document.class, PROFILE_SCANS)) {
            scans.put(d.getString("_id"), d.getList("scans", Document.class, List.of()));
        }
        return scans;
    }

    void forget(String profileId) {
        mongo.remove(query(where("_id").is(profileId)), PROFILE_SCANS);
    }
}
