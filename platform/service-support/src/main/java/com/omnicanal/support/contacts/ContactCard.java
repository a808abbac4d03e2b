package com.omnicanal.support.contacts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A service's own copy of who a profile is, fed by profile events; keyed by the profile id. */
@Document(ContactCard.COLLECTION)
record ContactCard(@Id String id, String name, String email, String phone, long version, Instant updatedAt) {

    static final String COLLECTION = "contacts";
}
