package com.omnicanal.profile.timeline;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A month of one profile's timeline, keyed {@code <profileId>:<yyyy-MM>}: reading a timeline is a handful of reads
 * by {@code _id}, never a scan (the embedded store ignores secondary indexes).
 */
@Document(TimelineBucket.COLLECTION)
record TimelineBucket(@Id String id, String profileId, String month, List<TimelineEntry> entries) {

    static final String COLLECTION = "timeline";
}
