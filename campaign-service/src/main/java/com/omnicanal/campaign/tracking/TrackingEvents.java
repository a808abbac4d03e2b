package com.omnicanal.campaign.tracking;

import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.support.inbox.BatchConsumer;
import com.omnicanal.support.privacy.ErasureParticipant;
import com.omnicanal.support.privacy.ExportParticipant;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A purchase by someone who scanned a campaign QR code within the attribution window counts as that code's conversion
 * (and revenue); erasure forgets who scanned and who a link was for; the privacy export shows them.
 */
@Configuration(proxyBeanMethods = false)
class TrackingEvents {

    /** A run's purchases at once: the buyers' recent scans read with one {@code $in}. */
    @Bean
    BatchConsumer<ActivityRecorded> qrConversions(Openings openings, MongoTemplate mongo,
                                                  @Value("${omni.attribution.window:P7D}") Duration window) {
        return events -> {
            List<ActivityRecorded> purchases = events.stream().filter(e -> "purchase".equals(e.type())).toList();
            if (purchases.isEmpty()) {
                return;
            }
            Map<String, List<Document>> scans = openings.scansOf(purchases.stream().map(ActivityRecorded::profileId).toList());
            for (ActivityRecorded purchase : purchases) {
                Instant at = purchase.occurredAt() == null ? Instant.now() : purchase.occurredAt();
                scans.getOrDefault(purchase.profileId(), List.of()).stream()
                        .filter(s -> !s.getDate("at").toInstant().isAfter(at.plusSeconds(60))
                                && s.getDate("at").toInstant().isAfter(at.minus(window)))
                        .map(s -> s.getString("code")).distinct().forEach(code -> converted(mongo, code, purchase));
            }
        };
    }

    private static void converted(MongoTemplate mongo, String code, ActivityRecorded purchase) {
        Update update = new Update().inc("conversions", 1);
        if (purchase.amount() != null) {
            update.inc("revenueCents", purchase.amount().movePointRight(2).longValue());
        }
        mongo.updateFirst(query(where("_id").is(code)), update, TrackedLinks.LINKS);
    }

    @Bean
    ErasureParticipant forgetLinkRecipients(Openings openings, MongoTemplate mongo) {
        return profileId -> {
            openings.forget(profileId);
            mongo.remove(query(where("profileId").is(profileId)), Document.class, "link_visitors");
            mongo.updateMulti(query(where("profileId").is(profileId)), new Update().unset("profileId"), TrackedLinks.LINKS);
        };
    }

    /** The person's links (with their clicks), the visits tied to them and the QR codes they scanned. */
    @Bean
    ExportParticipant showLinkRecipients(Openings openings, MongoTemplate mongo) {
        return profileId -> Map.of(
                "links", mongo.find(query(where("profileId").is(profileId)), Document.class, TrackedLinks.LINKS),
                "linkVisits", mongo.find(query(where("profileId").is(profileId)), Document.class, "link_visitors"),
                "qrScans", openings.scansOf(profileId));
    }
}
