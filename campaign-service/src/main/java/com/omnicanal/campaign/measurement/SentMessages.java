package com.omnicanal.campaign.measurement;

import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.batch.GroupCommit;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The documents of sent messages recorded at the same time (a broadcast's members) are inserted in one unordered bulk;
 * the caller waits for its own and learns whether it is new (a retried send's request id is there already).
 */
@Component
class SentMessages implements AutoCloseable {

    @org.springframework.data.mongodb.core.mapping.Document(Measurements.SENDS)
    record SentMessage(@Id String id, String journeyId, String phase, String step, String channel, String variant,
                       String status, Instant at) {
    }

    private final MongoTemplate mongo;
    private final GroupCommit<SentMessage, Boolean> commits;

    SentMessages(MongoTemplate mongo) {
        this.mongo = mongo;
        this.commits = new GroupCommit<>("sent-commit", 2, 500, this::insert);
    }

    /** True when the message is recorded now, false when it was recorded before. */
    boolean record(SentMessage sent) {
        return commits.submit(sent);
    }

    private List<Boolean> insert(List<SentMessage> sent) {
        Set<Integer> written = BulkInserts.insertNew(mongo, SentMessage.class, sent);
        return IntStream.range(0, sent.size()).mapToObj(written::contains).toList();
    }

    @Override
    public void close() {
        commits.close();
    }
}
