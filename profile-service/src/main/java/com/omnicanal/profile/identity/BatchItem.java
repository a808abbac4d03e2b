package com.omnicanal.profile.identity;

import java.util.List;

/** One request of an identify batch, screened as a single identify screens it. */
record BatchItem(int index, IdentifyRequest request, Guardrails.Screened screened, IdentifyRequest.Traits traits) {

    static BatchItem of(int index, IdentifyRequest request, Guardrails guardrails) {
        String source = request.source() == null ? "api" : request.source();
        IdentifyRequest.Traits traits = request.traits() == null
                ? new IdentifyRequest.Traits(null, null, null) : request.traits();
        return new BatchItem(index, request, guardrails.screen(request.identifiers(), source), traits);
    }

    List<Candidate> usable() {
        return screened.usable();
    }

    boolean traitsGiven() {
        return traits.name() != null || traits.language() != null || traits.timezone() != null;
    }
}
