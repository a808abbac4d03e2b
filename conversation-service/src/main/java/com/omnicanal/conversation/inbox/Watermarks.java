package com.omnicanal.conversation.inbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Receipts by watermark (Messenger, Instagram): the provider says "everything sent to this customer up to this time
 * was delivered / read", not which messages. The messages still awaiting their read are listed per customer address
 * ({@code <channel>:<address>}, read by {@code _id}), so a watermark moves exactly those sent at or before it.
 */
@Service
public class Watermarks {

    static final String COLLECTION = "watermark_pending";
    private static final Set<String> CHANNELS = Set.of("messenger", "instagram");
    private static final int KEPT = 200; // a customer who never reads: the oldest unread fall off the list

    private final MongoTemplate mongo;
    private final Deliveries deliveries;

    Watermarks(MongoTemplate mongo, Deliveries deliveries) {
        this.mongo = mongo;
        this.deliveries = deliveries;
    }

    void sent(String channel, String address, String messageId) {
        if (CHANNELS.contains(channel) && address != null) {
            mongo.upsert(query(where("_id").is(channel + ":" + address)),
                    new Update().push("ids").slice(-KEPT).each(messageId), COLLECTION);
        }
    }

    /** Every message to {@code address} sent at or before {@code watermark} moves to {@code status}; how many moved. */
    public int reached(String channel, String address, String status, Instant watermark, Instant at) {
        Document pending = mongo.findById(channel + ":" + address, Document.class, COLLECTION);
        if (pending == null) {
            return 0;
        }
        List<Message> due = mongo.find(query(where("_id").in(pending.getList("ids", String.class))), Message.class)
                .stream().filter(m -> !m.at().isAfter(watermark)).toList();
        int moved = 0;
        for (Message m : due) {
            moved += Deliveries.advances(m.status(), status) && deliveries.advance(m.id(), channel, status, null, at) ? 1 : 0;
        }
        List<String> done = due.stream().filter(m -> "read".equals(status) || "failed".equals(m.status()))
                .map(Message::id).toList();
        if (!done.isEmpty()) { // read is the last receipt there is: no longer awaited
            mongo.updateFirst(query(where("_id").is(pending.getString("_id"))),
                    new Update().pullAll("ids", done.toArray()), COLLECTION);
        }
        return moved;
    }
}
