package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition;
import com.omnicanal.campaign.journey.JourneyDefinition.Phase;
import com.omnicanal.campaign.journey.JourneyDefinition.Step;
import com.omnicanal.campaign.journey.Journeys;
import com.omnicanal.support.client.ServiceClients;
import com.omnicanal.support.contacts.ContactCards;
import com.omnicanal.support.problem.InvalidRequestException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What an agent's call outcome sets in motion, recorded on the enrolment: no answer or busy → called again in another
 * part of the day (customer's zone, inside the send window) up to the attempts allowed, then the step's message goes on
 * the phase's other channels; wrong number → the number is marked invalid in profile-service, then the same fallback;
 * call back → a task at that time; do not call → phone consent revoked; interested / not interested → the Decisión.
 */
@Component
class Dispositions {

    private final MongoTemplate mongo;
    private final Enrollments enrollments;
    private final Journeys journeys;
    private final Engine engine;
    private final ContactCards contacts;
    private final CustomerZones zones;
    private final RestClient profiles;
    private final Duration retryAfter;
    private final int maxAttempts;

    Dispositions(MongoTemplate mongo, Enrollments enrollments, Journeys journeys, Engine engine, ContactCards contacts,
                 CustomerZones zones, ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl,
                 @Value("${omni.tasks.retry-after:PT3H}") Duration retryAfter,
                 @Value("${omni.tasks.max-attempts:3}") int maxAttempts) {
        this.mongo = mongo;
        this.enrollments = enrollments;
        this.journeys = journeys;
        this.engine = engine;
        this.contacts = contacts;
        this.zones = zones;
        this.profiles = clients.to(profileUrl);
        this.retryAfter = retryAfter;
        this.maxAttempts = maxAttempts;
    }

    Document complete(String taskId, String disposition, Instant callBackAt, String note, String agent) {
        Document task = mongo.findById(taskId, Document.class, "tasks");
        if (task == null || !"open".equals(task.getString("state"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such open task");
        }
        List<String> allowed = task.getList("dispositions", String.class, List.of());
        if (!allowed.isEmpty() && !allowed.contains(disposition)) {
            throw new InvalidRequestException("/disposition", "must be one of " + allowed);
        }
        Enrollment e = enrollments.find(task.getString("enrollmentId")).orElseThrow();
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version()).orElseThrow();
        Phase phase = d.phases().stream().filter(p -> p.id().equals(task.getString("phase"))).findFirst().orElseThrow();
        Step step = phase.steps().stream().filter(s -> s.id().equals(task.getString("step"))).findFirst().orElseThrow();
        int attempt = task.getInteger("attempt", 1);
        int calls = calls(phase, step);
        Instant now = Instant.now();
        boolean callsOver = false;
        String outcome;
        switch (disposition) {
            case "no-answer", "busy" -> {
                callsOver = attempt >= calls;
                outcome = callsOver ? "no answer after " + attempt + " of " + calls + " calls: " + fallback(phase, step)
                        : anotherTime(task, e, d, attempt + 1, calls);
            }
            case "call-back" -> outcome = retry(task, callBackAt == null ? now.plus(retryAfter) : callBackAt, attempt,
                    calls, task.getList("parts", String.class, List.of()), "as agreed with the customer");
            case "do-not-call" -> outcome = revokePhone(e.profileId());
            case "wrong-number" -> {
                callsOver = true;
                outcome = wrongNumber(e.profileId()) + "; " + fallback(phase, step);
            }
            default -> outcome = disposition.equals("contacted-interested") ? "the customer is interested: the Decisión "
                    + "takes its yes path" : disposition.equals("contacted-not-interested") ? "not interested: the "
                    + "Decisión takes its no path" : "recorded";
        }
        mongo.updateFirst(query(where("_id").is(taskId)), new Update().set("state", "done").set("disposition", disposition)
                .set("note", note).set("by", agent).set("doneAt", now).set("outcome", outcome), "tasks");
        enrollments.note(e.id(), new Enrollment.Entry(now, phase.id(), step.id(), "disposition", disposition + " by "
                + agent + " (call " + attempt + " of " + calls + "): " + outcome));
        boolean retrying = !callsOver && List.of("no-answer", "busy", "call-back").contains(disposition);
        if (!retrying) {
            engine.taskOutcome(e.id(), phase.id(), step.id(), disposition, callsOver);
        }
        return mongo.findById(taskId, Document.class, "tasks");
    }

    /** Calls allowed: the step's own number, else the phase's rule for the phone, else the service default. */
    private int calls(Phase phase, Step step) {
        if (step.attempts() != null) {
            return step.attempts();
        }
        JourneyDefinition.Retry rule = phase.retryFor("phone");
        return rule != null && rule.maxAttempts() != null ? rule.maxAttempts() : maxAttempts;
    }

    /** The next call in another part of the customer's day (untried parts first), inside the journey's window. */
    private String anotherTime(Document task, Enrollment e, JourneyDefinition d, int attempt, int calls) {
        ZoneId zone = zones.of(e.profileId());
        List<String> tried = new ArrayList<>(task.getList("parts", String.class, List.of()));
        tried.add(Dayparts.of(task.getDate("dueAt").toInstant().atZone(zone).toLocalTime()));
        Dayparts.Slot slot = Dayparts.next(Instant.now().atZone(zone), d.window().from(), d.window().to(), tried);
        return retry(task, slot.at().toInstant(), attempt, calls, tried.stream().distinct().toList(), "in the "
                + slot.part() + " (" + slot.at().toLocalTime() + " " + zone + "; tried before: " + tried + ")");
    }

    private String fallback(Phase phase, Step step) {
        List<String> others = phase.channels() == null ? List.of() : phase.channels().stream()
                .map(JourneyDefinition.PhaseChannel::channel).filter(c -> !c.equals("phone")).toList();
        boolean message = step.content() != null || step.template() != null;
        return others.isEmpty() || !message ? "the journey goes on without the call (no other channel or message in "
                + "the rule)" : "the step's message falls back to " + others + " as the phase's rule says";
    }

    private String retry(Document task, Instant at, int attempt, int calls, List<String> tried, String why) {
        String id = UUID.randomUUID().toString();
        Document next = new Document(task);
        next.put("_id", id);
        next.put("attempt", attempt);
        next.put("dueAt", at);
        next.put("state", "open");
        next.put("parts", tried);
        next.put("createdAt", Instant.now());
        mongo.insert(next, "tasks");
        return "call again at " + at + " " + why + " (task " + id + ", attempt " + attempt + " of " + calls + ")";
    }

    private String wrongNumber(String profileId) {
        String phone = contacts.contact(profileId).map(ContactCards.Contact::phone).orElse(null);
        if (phone == null) {
            return "wrong number, but no phone is known here to mark";
        }
        try {
            profiles.post().uri("/api/profiles/{id}/identifiers/invalid", profileId).body(Map.of("type", "phone",
                    "value", phone, "reason", "wrong-number")).retrieve().toBodilessEntity();
            return "the phone number is marked invalid in profile-service (no channel on it is offered again)";
        } catch (RestClientException refused) {
            return "profile-service did not mark the number invalid (" + refused.getMessage() + ")";
        }
    }

    private String revokePhone(String profileId) {
        for (String purpose : List.of("marketing", "surveys")) {
            profiles.put().uri("/api/profiles/{id}/consents", profileId).body(Map.of("channel", "phone",
                    "purpose", purpose, "state", "revoked", "source", "agent-disposition",
                    "evidence", "the customer asked not to be called")).retrieve().toBodilessEntity();
        }
        return "phone consent revoked for marketing and surveys in profile-service";
    }
}
