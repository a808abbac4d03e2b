package com.omnicanal.campaign.journey;

import com.omnicanal.campaign.suppression.OpenComplaints;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.support.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a profile would experience, step by step, and why: the channels each send could use now (profile-service's
 * reachability for the step's purpose, within the phase's channels), what an open complaint would hold, the waits,
 * and both sides of each branch (the walk follows "otherwise", the path without the awaited activity).
 */
@Component
class DryRun {

    private final RestClient profiles;
    private final OpenComplaints complaints;

    DryRun(ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl, OpenComplaints complaints) {
        this.profiles = clients.to(profileUrl);
        this.complaints = complaints;
    }

    record Line(String phase, String step, String type, String outcome) {
    }

    List<Line> simulate(JourneyDefinition d, String profileId, Map<String, Object> activity) {
        List<Line> lines = new ArrayList<>();
        int p = 0;
        int s = 0;
        for (int guard = 0; guard < 100 && p < d.phases().size(); guard++) {
            Phase phase = d.phases().get(p);
            if (s >= phase.steps().size()) {
                p++;
                s = 0;
                continue;
            }
            Step step = phase.steps().get(s);
            lines.add(new Line(phase.id(), step.id(), step.type(), describe(d, phase, step, profileId)));
            if (step.type().equals("exit")) {
                break;
            }
            String next = step.type().equals("branch") ? ("random".equals(step.on()) ? step.variants().getFirst().next()
                    : step.otherwise()) : step.type().equals("goto") ? "phase:" + step.phase() : null;
            if (next == null) {
                s++;
            } else {
                int[] to = d.position(next);
                if (to[0] < p || (to[0] == p && to[1] <= s)) {
                    lines.add(new Line(phase.id(), step.id(), "loop", "goes back to " + next + "; the dry run stops here"));
                    break;
                }
                p = to[0];
                s = to[1];
            }
        }
        return lines;
    }

    private String describe(JourneyDefinition d, Phase phase, Step step, String profileId) {
        return switch (step.type()) {
            case "send" -> send(d, phase, step, profileId);
            case "wait" -> step.until() != null ? "waits until " + step.until() + " on the customer's clock"
                    : step.on() != null ? "waits up to " + step.timeout() + " for " + (step.activityType() == null
                    ? step.on() : step.activityType()) : "waits " + step.duration();
            case "branch" -> "random".equals(step.on()) ? "random split " + step.variants()
                    : "disposition".equals(step.on()) ? "if the call's outcome is contacted-interested then " + step.then()
                    + ", otherwise " + step.otherwise()
                    : "if " + ("reply".equals(step.on()) ? "a reply" : step.activityType()) + " within " + step.timeout()
                    + " then " + step.then() + ", otherwise " + step.otherwise();
            case "goto" -> "goes to phase " + step.phase();
            case "agent-task" -> "a task for team " + step.team() + (step.script() == null ? "" : ": " + step.script());
            default -> "leaves the journey";
        };
    }

    private String send(JourneyDefinition d, Phase phase, Step step, String profileId) {
        String purpose = step.purpose() != null ? step.purpose() : d.purpose();
        if (!"service".equals(purpose) && complaints.isOpen(profileId)) {
            return "held: the customer has an open complaint (" + purpose + " steps wait until it is resolved)";
        }
        JsonNode reach = profiles.get().uri("/api/profiles/{id}/reachability?purpose={p}", profileId, purpose)
                .retrieve().body(JsonNode.class);
        List<String> phaseChannels = phase.channels().stream().map(JourneyDefinition.PhaseChannel::channel).toList();
        List<String> usable = new ArrayList<>();
        reach.path("allowed").forEach(a -> {
            if (phaseChannels.contains(a.path("channel").asString())) {
                usable.add(a.path("channel").asString());
            }
        });
        List<String> blocked = new ArrayList<>();
        reach.path("blocked").forEach(b -> blocked.add(b.path("channel").asString() + " (" + b.path("reasons") + ")"));
        return usable.isEmpty() ? "would not be sent: none of " + phaseChannels + " is allowed for " + purpose
                + "; blocked " + blocked : "would go on " + usable.getFirst() + " (" + purpose + "; allowed in order "
                + usable + "; WhatsApp only inside the customer's window or as template " + step.template() + ")"
                + rule(phase.retryFor(usable.getFirst())) + window(d);
    }

    private static String rule(JourneyDefinition.Retry r) {
        return r == null ? "; no retry rule: the journey goes on once it is sent" : "; rule: success "
                + (r.success() == null ? "as the fallbacks imply" : r.success()) + ", fallback on " + r.fallbackOn()
                + ", " + r.attempts() + " attempt(s), then " + (r.onExhausted() == null ? "continue" : r.onExhausted());
    }

    private static String window(JourneyDefinition d) {
        return d.sendWindow() == null ? "" : "; only between " + d.sendWindow().from() + " and " + d.sendWindow().to()
                + " on the customer's clock";
    }
}
