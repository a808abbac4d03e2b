package com.omnicanal.profile.privacy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One service's part of a person's export: its data, or why it is missing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExportSection(String state, String reason, Object data) {

    static final String INCLUDED = "included";
    static final String MISSING = "missing";

    static ExportSection included(Object data) {
        return new ExportSection(INCLUDED, null, data);
    }

    static ExportSection missing(String reason) {
        return new ExportSection(MISSING, reason, null);
    }

    @JsonIgnore
    boolean isMissing() {
        return MISSING.equals(state);
    }
}
