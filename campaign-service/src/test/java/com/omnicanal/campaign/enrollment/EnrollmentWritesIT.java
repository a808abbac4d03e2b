package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.CampaignTestBase;
import com.omnicanal.campaign.journey.Journey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The enrolment writes of a chunk go as one bulk of compare-and-sets: a member whose enrolment someone else moved
 * meanwhile is told its write did not happen (and nothing of it is stored), while the others are stored once.
 */
class EnrollmentWritesIT extends CampaignTestBase {

    @Autowired
    EnrollmentWrites writes;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aBulkWhoseGuardFailsForOneMemberStoresTheOthersAndSaysWhichDidNot() {
        Journey journey = new Journey("j-" + UUID.randomUUID(), "Bulk", "active", 1, 1, "manual", null, null,
                Instant.now(), "test");
        List<Enrollment> read = List.of(enrolled(journey), enrolled(journey), enrolled(journey));
        // someone else (a goal, a migration) moves the second one after the chunk read it
        mongo.updateFirst(query(where("_id").is(read.get(1).id())), new Update().inc("revision", 1)
                .push("history", new Enrollment.Entry(Instant.now(), null, null, "migrated", "elsewhere")), Enrollment.class);

        List<Boolean> stored = writes.writeAll(read.stream().map(e -> step(e, "phase-done")).toList());

        assertThat(stored).containsExactly(true, false, true);
        assertThat(actions(read.get(0))).containsExactly("enrolled", "phase-done");
        assertThat(actions(read.get(1))).containsExactly("enrolled", "migrated");
        assertThat(actions(read.get(2))).containsExactly("enrolled", "phase-done");
        Enrollment first = mongo.findById(read.get(0).id(), Enrollment.class);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.phase()).isEqualTo(1);
        assertThat(first.lastSend().requestId()).isEqualTo(read.get(0).id() + ":hello:0");
        assertThat(first.wakeAt()).isNotNull();
        assertThat(first.waitingFor()).isNull();
    }

    @Test
    void twoWritesOfOneEnrolmentInOneBulkStoreOnlyTheFirstToArrive() {
        Journey journey = new Journey("j-" + UUID.randomUUID(), "Bulk", "active", 1, 1, "manual", null, null,
                Instant.now(), "test");
        Enrollment e = enrolled(journey);

        List<Boolean> stored = writes.writeAll(List.of(step(e, "receipt"), step(e, "phase-done")));

        assertThat(stored).containsOnlyOnce(true);
        assertThat(actions(e)).containsExactly("enrolled", stored.get(0) ? "receipt" : "phase-done");
    }

    private Enrollment enrolled(Journey journey) {
        Enrollment e = Enrollments.fresh(journey, UUID.randomUUID().toString(), "p-" + UUID.randomUUID(), Map.of(),
                "test", Instant.now());
        mongo.insert(e);
        return e;
    }

    private static EnrollmentWrites.Write step(Enrollment e, String action) {
        Enrollment.LastSend sent = new Enrollment.LastSend(e.id() + ":hello:0", "email", 0, 0, Instant.now(), "sent",
                false, false, false, 1);
        return new EnrollmentWrites.Write(e, new Update().set("phase", 1).set("step", 0).set("lastSend", sent)
                .set("wakeAt", Instant.now()).unset("waitingFor"), List.of(new Enrollment.Entry(
                Instant.now(), "apertura", null, action, "next phase")), List.of());
    }

    private List<String> actions(Enrollment e) {
        return mongo.findById(e.id(), Enrollment.class).history().stream().map(Enrollment.Entry::action).toList();
    }
}
