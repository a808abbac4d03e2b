package com.omnicanal.profile.activity;

import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.support.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

/**
 * An activity as its stored document, written directly: the same fields the {@link Activity} mapping writes and
 * reads, without its per-document cost (a tenth of a batch's CPU). Free-form attributes still go through the mapping.
 */
@Component
class ActivityDocuments {

    private final MongoTemplate mongo;

    ActivityDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Document of(ActivityRecorded event, ActivityInput input, String client, String mark) {
        Document d = new Document("_id", event.activityId()).append("clientActivityId", input.id())
                .append("client", client).append("profileId", event.profileId()).append("type", event.type())
                .append("occurredAt", Date.from(event.occurredAt()));
        put(d, "channel", event.channel());
        put(d, "storeId", event.storeId());
        put(d, "orderId", event.orderId());
        put(d, "items", input.items() == null ? null : input.items().stream().map(ActivityDocuments::item).toList());
        put(d, "amount", event.amount());
        put(d, "currency", event.currency());
        put(d, "attributes", event.attributes() == null ? null : mongo.getConverter().convertToMongoType(event.attributes()));
        return d.append("recordedAt", Date.from(event.recordedAt())).append(PendingEvents.FIELD, List.of(mark));
    }

    private static Document item(ActivityInput.Item item) {
        Document d = new Document("sku", item.sku());
        put(d, "name", item.name());
        d.append("quantity", item.quantity());
        put(d, "price", item.price());
        return d;
    }

    private static void put(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }
}
