package com.omnicanal.conversation.dispatch;

import com.omnicanal.support.batch.BulkInserts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Request ids claimed by a unique insert of their dispatch document, so a retried request gets the first answer: one
 * at a time, or a batch's in one unordered bulk insert (a duplicate is an earlier claim, not an error).
 */
@Component
class Claims {

    private final MongoTemplate mongo;

    Claims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when this request id is claimed now; false when it was claimed before. */
    boolean claim(DispatchRequest request, Instant now) {
        try {
            mongo.insert(sending(request, now));
            return true;
        } catch (DuplicateKeyException retried) {
            return false;
        }
    }

    /** Request id → claimed now (true) or before (false), for the distinct ids of {@code requests}. */
    Map<String, Boolean> claimAll(List<DispatchRequest> requests, Instant now) {
        Map<String, DispatchRequest> distinct = new LinkedHashMap<>();
        requests.forEach(r -> distinct.putIfAbsent(r.requestId(), r));
        List<String> ids = List.copyOf(distinct.keySet());
        Set<Integer> written = BulkInserts.insertNew(mongo, Dispatch.COLLECTION, distinct.values().stream()
                .map(r -> Dispatch.claimed(r.requestId(), r.profileId(), r.purpose(), now)).toList());
        Map<String, Boolean> claimed = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            claimed.put(ids.get(i), written.contains(i));
        }
        return claimed;
    }

    /** Gives a claim up (the request turned out invalid): it may be asked again. */
    void release(String requestId) {
        mongo.remove(query(where("_id").is(requestId)), Dispatch.class);
    }

    private static Dispatch sending(DispatchRequest request, Instant now) {
        return new Dispatch(request.requestId(), request.profileId(), request.purpose(), Dispatch.SENDING, null, null,
                null, null, null, List.of(), null, now);
    }
}
