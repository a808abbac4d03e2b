package com.omnicanal.profile.segment;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A profile in a segment, keyed {@code <segmentId>:<profileId>} so joining and leaving are reads by {@code _id}. */
@Document(SegmentMember.COLLECTION)
record SegmentMember(@Id String id, String segmentId, String profileId, Instant since) {

    static final String COLLECTION = "segment_members";

    static String key(String segmentId, String profileId) {
        return segmentId + ":" + profileId;
    }
}
