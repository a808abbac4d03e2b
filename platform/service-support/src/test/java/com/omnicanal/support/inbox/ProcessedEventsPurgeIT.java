package com.omnicanal.support.inbox;

import com.omnicanal.support.fixture.SupportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Old finished claims go, recent ones and unfinished ones stay. */
@SupportServiceTest
class ProcessedEventsPurgeIT {

    @Autowired
    ProcessedEventsPurge purge;
    @Autowired
    MongoTemplate mongo;

    @Test
    void onlyFinishedClaimsOlderThanTheRetentionArePurged() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String stuck = UUID.randomUUID().toString();
        Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS);
        mongo.insert(new ProcessedEvent(old, "t", ProcessedEvent.State.DONE, longAgo));
        mongo.insert(new ProcessedEvent(recent, "t", ProcessedEvent.State.DONE, Instant.now()));
        mongo.insert(new ProcessedEvent(stuck, "t", ProcessedEvent.State.IN_PROGRESS, longAgo));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.findById(old, ProcessedEvent.class)).isNull();
        assertThat(mongo.findById(recent, ProcessedEvent.class)).isNotNull();
        assertThat(mongo.findById(stuck, ProcessedEvent.class)).isNotNull();
    }
}
