package com.omnicanal.profile.customer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.omnicanal.events.IntegrationEvent;
import com.omnicanal.profile.customer.ProfileStore.ProfilesChanged;
import com.omnicanal.support.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Many new profiles at once (a channel's batch of new senders): their events staged in one outbox write, the profiles
 * inserted in one unordered bulk, derived state told once.
 */
@Component
public class NewProfiles {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final ApplicationEventPublisher local;

    NewProfiles(MongoTemplate mongo, EventOutbox outbox, ApplicationEventPublisher local) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.local = local;
    }

    /**
     * Inserts {@code created}, {@code events} index-aligned (one each); the events of profiles the bulk did not write
     * are dropped and the call then fails, so nothing written goes unannounced and nothing unwritten is announced.
     */
    public void createAll(List<Profile> created, List<? extends IntegrationEvent> events) {
        if (created.isEmpty()) {
            return; // a batch whose every new customer lost its claims to a concurrent one (the driver refuses no documents)
        }
        List<EventOutbox.Keyed> keyed = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            keyed.add(new EventOutbox.Keyed(created.get(i).id(), events.get(i)));
        }
        List<Profile> marked = new ArrayList<>(created.size());
        Set<Integer> written = outbox.publishAll(Profile.COLLECTION, keyed, marks -> {
            for (int i = 0; i < created.size(); i++) {
                marked.add(created.get(i).withOutbox(Set.of(marks.get(i))));
            }
            return insert(marked);
        });
        if (written.size() < created.size()) {
            throw new IllegalStateException("the store refused " + (created.size() - written.size()) + " new profiles");
        }
        local.publishEvent(new ProfilesChanged(marked));
    }

    /** The indexes written by one unordered insert (the same documents a single insert maps). */
    private Set<Integer> insert(List<Profile> marked) {
        List<Document> docs = new ArrayList<>(marked.size());
        Set<Integer> written = new HashSet<>();
        for (Profile profile : marked) {
            Document doc = new Document();
            mongo.getConverter().write(profile, doc);
            written.add(docs.size());
            docs.add(doc);
        }
        try {
            mongo.getCollection(Profile.COLLECTION).insertMany(docs, UNORDERED);
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> written.remove(error.getIndex()));
        }
        return written;
    }
}
