package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.CampaignTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's entries into journeys (what re-entry rules read) and the ids of their enrolments sit on one document of
 * theirs; the entries kept in their own collection before are still read, and erased with the customer.
 */
class EntriesIT extends CampaignTestBase {

    @Autowired
    Entries entries;

    @Autowired
    MongoTemplate mongo;

    @Test
    void eachCustomersEntriesAndEnrolmentsAreReadByTheirProfileId() {
        String journey = "j-" + UUID.randomUUID();
        String other = "j-" + UUID.randomUUID();
        String ana = "p-" + UUID.randomUUID();
        String luis = "p-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        entries.entered(journey, Map.of(ana, "e1", luis, "e2"), now);
        entries.entered(other, Map.of(ana, "e3"), now.plusSeconds(60));

        assertThat(entries.last(journey, List.of(ana, luis, "p-never"))).containsOnly(Map.entry(ana, now),
                Map.entry(luis, now));
        assertThat(entries.last(other, List.of(ana, luis))).containsOnly(Map.entry(ana, now.plusSeconds(60)));
        assertThat(entries.ids(List.of(ana))).containsExactlyInAnyOrder("e1", "e3");

        entries.forget(ana);
        assertThat(entries.last(journey, List.of(ana, luis))).containsOnlyKeys(luis);
        assertThat(entries.ids(List.of(ana))).isEmpty();
    }

    @Test
    void entriesKeptInTheirOwnCollectionBeforeStillCountAndAreErased() {
        String journey = "j-" + UUID.randomUUID();
        String ana = "p-" + UUID.randomUUID();
        Instant before = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        mongo.insert(new Document("_id", journey + ":" + ana).append("last", Date.from(before)), Entries.LEGACY);
        try {
            Entries upgraded = new Entries(mongo); // a service started over the older data

            assertThat(upgraded.last(journey, List.of(ana))).containsOnly(Map.entry(ana, before));

            upgraded.forget(ana);
            assertThat(upgraded.last(journey, List.of(ana))).isEmpty();
            assertThat(mongo.getCollection(Entries.LEGACY).countDocuments(new Document("_id", journey + ":" + ana)))
                    .isZero();
        } finally {
            mongo.dropCollection(Entries.LEGACY);
        }
    }
}
