package com.omnicanal.feedback.response;

import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.support.batch.BulkInserts;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.outbox.EventOutbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Responses in one unordered bulk insert: a duplicate (an invitation answered already) is reported, not fatal. */
@Component
class AnswerWrites {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    AnswerWrites(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** The indexes written; each written response's event is published (staged first, marked on the response). */
    Set<Integer> insertPublishing(List<Response> responses, Function<Response, IntegrationEvent> event) {
        List<EventOutbox.Keyed> events = responses.stream().map(r -> new EventOutbox.Keyed(r.id(), event.apply(r))).toList();
        return outbox.publishAll(Response.COLLECTION, events, marks -> insert(IntStream.range(0, responses.size())
                .mapToObj(i -> responses.get(i).withMarks(Set.of(marks.get(i)))).toList()));
    }

    List<Response> existing(List<String> ids) {
        return ByIds.find(mongo, ids, Response.class);
    }

    Set<Integer> insert(List<Response> responses) {
        return BulkInserts.insertNew(mongo, Response.class, responses); // a known id: recorded before
    }
}
