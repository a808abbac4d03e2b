package com.omnicanal.support.contacts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A service's own copy of who a profile is, fed by profile events and keyed by the profile id; a merged profile's
 * card points to its survivor.
 */
@Document(ContactCard.COLLECTION)
record ContactCard(@Id String id, String name, String email, String phone, String language, String timezone,
                   String mergedInto, long version, Instant updatedAt) {

    static final String COLLECTION = "contacts";
}
