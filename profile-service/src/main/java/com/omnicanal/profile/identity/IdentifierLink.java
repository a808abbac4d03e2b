package com.omnicanal.profile.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** The lookup document of one identifier, keyed {@code type:value}: resolution is a read by {@code _id}. */
@Document(IdentifierLink.COLLECTION)
record IdentifierLink(@Id String id, String profileId, boolean verified, String source, Instant firstSeen,
                      Instant lastSeen) {

    static final String COLLECTION = "identifiers";
}
