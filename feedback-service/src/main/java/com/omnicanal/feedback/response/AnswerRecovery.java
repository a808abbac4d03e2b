package com.omnicanal.feedback.response;

import com.omnicanal.support.batch.ByIds;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/** Counts the answers of batches whose writer died between writing and counting them (the guard skips done ones). */
@Component
class AnswerRecovery {

    private static final Duration ABANDONED = Duration.ofSeconds(60);

    private final MongoTemplate mongo;
    private final AnswerJournal journal;
    private final AnswerBatcher batcher;

    AnswerRecovery(MongoTemplate mongo, AnswerJournal journal, AnswerBatcher batcher) {
        this.mongo = mongo;
        this.journal = journal;
        this.batcher = batcher;
    }

    @Scheduled(fixedDelayString = "${omni.feedback.answer-recovery:PT30S}", initialDelayString = "PT10S")
    void recover() {
        for (AnswerJournal.Entry entry : journal.abandoned(ABANDONED)) {
            if (!entry.writer().equals(batcher.writer()) && journal.claim(entry.id())) { // this writer is alive // of several instances, one recovers each batch
                List<Response> written = ByIds.find(mongo, entry.responses(), Response.class);
                batcher.count(entry.writer(), entry.seq(), written, true);
                journal.close(entry.id());
            }
        }
    }
}
