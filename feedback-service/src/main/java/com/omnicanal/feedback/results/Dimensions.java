package com.omnicanal.feedback.results;

import java.util.ArrayList;
import java.util.List;

/** The result slices an invitation or answer counts in: overall, its channel, agent, team and store. */
public final class Dimensions {

    /** The filters the dashboard offers, each a prefix of a dimension ({@code channel:whatsapp}). */
    public static final List<String> FILTERS = List.of("channel", "agent", "team", "store");

    private Dimensions() {
    }

    public static List<String> of(String channel, String agentId) {
        return of(channel, agentId, null, null);
    }

    public static List<String> of(String channel, String agentId, String teamId, String storeId) {
        List<String> dimensions = new ArrayList<>(List.of("all"));
        add(dimensions, "channel", channel);
        add(dimensions, "agent", agentId);
        add(dimensions, "team", teamId);
        add(dimensions, "store", storeId);
        return dimensions;
    }

    private static void add(List<String> dimensions, String filter, String value) {
        if (value != null) {
            dimensions.add(filter + ":" + value);
        }
    }
}
