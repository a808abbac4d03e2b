package com.omnicanal.profile.identity;

import com.omnicanal.profile.customer.Profile;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The journal of one merge: why it happened, both profiles as they were before, and which identifiers moved.
 * Its state makes every step re-runnable, so a crash mid-merge is finished (or undone) by recovery.
 */
@Document(MergeRecord.COLLECTION)
record MergeRecord(@Id String id, State state, String targetId, String sourceId, Reason reason, Profile targetBefore,
                   Profile sourceBefore, List<String> movedKeys, Instant at, Instant undoneAt, String undoneBy) {

    static final String COLLECTION = "merges";

    enum State { MERGING, MERGED, UNMERGING, UNMERGED }

    /** Which identifier proved the two profiles are one person, under which rule, asked for by whom. */
    record Reason(String identifier, String rule, String actor) {

        @Override
        public String toString() {
            return rule + (identifier == null ? "" : " on " + identifier) + " by " + actor;
        }
    }
}
