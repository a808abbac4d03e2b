package com.omnicanal.feedback.results;

import java.util.ArrayList;
import java.util.List;

/** The result slices an invitation or answer counts in: overall, its channel, its agent. */
public final class Dimensions {

    private Dimensions() {
    }

    public static List<String> of(String channel, String agentId) {
        List<String> dimensions = new ArrayList<>(List.of("all"));
        if (channel != null) {
            dimensions.add("channel:" + channel);
        }
        if (agentId != null) {
            dimensions.add("agent:" + agentId);
        }
        return dimensions;
    }
}
