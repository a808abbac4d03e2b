package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;

import java.util.List;

/** Where a jump lands: a step id anywhere in the journey, or {@code phase:<id>} (its first step). */
final class Positions {

    private Positions() {
    }

    static int[] of(JourneyDefinition d, String target) {
        for (int p = 0; p < d.phases().size(); p++) {
            if (target.equals("phase:" + d.phases().get(p).id())) {
                return new int[]{p, 0};
            }
            List<JourneyDefinition.Step> steps = d.phases().get(p).steps();
            for (int s = 0; s < steps.size(); s++) {
                if (steps.get(s).id().equals(target)) {
                    return new int[]{p, s};
                }
            }
        }
        throw new IllegalStateException("validated definitions have no dangling target: " + target);
    }
}
