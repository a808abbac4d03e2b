package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.suppression.OpenComplaints;
import com.omnicanal.support.batch.ByIds;
import com.omnicanal.support.contacts.ContactCards;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a send step reads about its customer — an open complaint, the contact card — read live for one enrolment, or
 * once for a broadcast's whole chunk (a few reads by {@code _id}) instead of once per member.
 */
@Component
class CustomerFacts {

    /** The answers for some customers; a customer not read in bulk is read alone. */
    interface Facts {

        boolean complaintOpen(String profileId);

        Optional<ContactCards.Contact> contact(String profileId);
    }

    private static final String CONTACTS = "contacts"; // platform ContactCards' collection (no bulk read there yet)

    private final OpenComplaints complaints;
    private final ContactCards contacts;
    private final MongoTemplate mongo;

    CustomerFacts(OpenComplaints complaints, ContactCards contacts, MongoTemplate mongo) {
        this.complaints = complaints;
        this.contacts = contacts;
        this.mongo = mongo;
    }

    Facts live() {
        return new Facts() {
            public boolean complaintOpen(String profileId) {
                return complaints.isOpen(profileId);
            }

            public Optional<ContactCards.Contact> contact(String profileId) {
                return contacts.contact(profileId);
            }
        };
    }

    /** Read now for all of {@code profileIds}: two round trips for the chunk. */
    Facts of(Collection<String> chunk) {
        Set<String> profileIds = Set.copyOf(chunk);
        Set<String> open = complaints.openAmong(profileIds);
        Map<String, ContactCards.Contact> cards = new HashMap<>();
        Set<String> merged = new java.util.HashSet<>();
        for (Document c : ByIds.find(mongo, profileIds, Document.class, CONTACTS)) {
            String id = c.getString("_id");
            if (c.getString("mergedInto") != null) {
                merged.add(id); // followed to the survivor by the single read
            } else {
                cards.put(id, new ContactCards.Contact(id, c.getString("name"), c.getString("email"),
                        c.getString("phone"), c.getString("language"), c.getString("timezone")));
            }
        }
        return new Facts() {
            public boolean complaintOpen(String profileId) {
                return profileIds.contains(profileId) ? open.contains(profileId) : complaints.isOpen(profileId);
            }

            public Optional<ContactCards.Contact> contact(String profileId) {
                return profileIds.contains(profileId) && !merged.contains(profileId)
                        ? Optional.ofNullable(cards.get(profileId)) : contacts.contact(profileId);
            }
        };
    }
}
