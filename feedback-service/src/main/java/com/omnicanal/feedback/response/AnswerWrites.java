package com.omnicanal.feedback.response;

import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.support.outbox.EventOutbox;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Responses in one unordered bulk insert: a duplicate (an invitation answered already) is reported, not fatal. */
@Component
class AnswerWrites {

    private static final int DUPLICATE_KEY = 11000;

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
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(ids)), Response.class);
    }

    Set<Integer> insert(List<Response> responses) {
        Set<Integer> written = IntStream.range(0, responses.size()).boxed().collect(Collectors.toSet());
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Response.class).insert(responses).execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                written.remove(error.getIndex());
            }
        }
        return written;
    }
}
