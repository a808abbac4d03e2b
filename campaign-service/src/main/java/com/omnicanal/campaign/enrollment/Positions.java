package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;

/** Where a jump lands: a step id anywhere in the journey, or {@code phase:<id>} (its first step). */
final class Positions {

    private Positions() {
    }

    static int[] of(JourneyDefinition d, String target) {
        int[] position = d.position(target);
        if (position == null) {
            throw new IllegalStateException("validated definitions have no dangling target: " + target);
        }
        return position;
    }
}
