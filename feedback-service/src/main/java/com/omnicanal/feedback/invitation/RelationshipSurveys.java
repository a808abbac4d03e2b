package com.omnicanal.feedback.invitation;

import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.Surveys;
import com.omnicanal.support.client.SegmentMemberStream;
import com.omnicanal.support.client.ServiceClients;
import com.omnicanal.support.timer.TimerDue;
import com.omnicanal.support.timer.Timers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Relationship NPS: a survey with trigger {@code schedule} goes to a profile-service segment every period, to a fresh
 * sample each round, through the same invitation rules (cooldown, open complaints; consent, quiet hours and the
 * pressure budget at dispatch). Each round is a durable timer claimed by compare-and-set, so it runs once.
 */
@Component
class RelationshipSurveys {

    static final String ROUND = "relationship-round";
    static final String COLLECTION = "relationship_rounds";
    private static final Logger log = LoggerFactory.getLogger(RelationshipSurveys.class);

    private final MongoTemplate mongo;
    private final Timers timers;
    private final Surveys surveys;
    private final Invitations invitations;
    private final RestClient profiles;

    RelationshipSurveys(MongoTemplate mongo, Timers timers, Surveys surveys, Invitations invitations,
                        ServiceClients clients, @Value("${omni.services.profile-url}") String profileUrl) {
        this.mongo = mongo;
        this.timers = timers;
        this.surveys = surveys;
        this.invitations = invitations;
        this.profiles = clients.to(profileUrl);
    }

    @EventListener
    void saved(Surveys.Saved saved) {
        SurveyDefinition.Trigger t = saved.survey().definition().trigger();
        if (!"schedule".equals(t.on())) {
            return;
        }
        Instant now = Instant.now();
        Instant first = t.startAt() != null && t.startAt().isAfter(now) ? t.startAt() : now;
        plan(saved.survey().id(), first); // a new version replaces the plan: earlier timers find it moved and stop
    }

    @EventListener
    void due(TimerDue due) {
        if (!ROUND.equals(due.subject())) {
            return;
        }
        int at = due.token().lastIndexOf('@');
        String surveyId = due.token().substring(0, at);
        Instant planned = Instant.ofEpochMilli(Long.parseLong(due.token().substring(at + 1)));
        Survey survey = surveys.find(surveyId).filter(Survey::isActive)
                .filter(s -> "schedule".equals(s.definition().trigger().on())).orElse(null);
        if (survey == null || !claim(surveyId, planned, survey.definition().trigger())) {
            return; // paused, no longer scheduled, or a stale timer of an earlier plan
        }
        // off the timer thread: a big segment must not hold up detractor and invitation timers
        Thread.ofVirtual().name("relationship-" + surveyId).start(() -> round(survey, planned));
    }

    private void plan(String surveyId, Instant at) {
        mongo.upsert(query(where("_id").is(surveyId)), new Update().set("nextAt", at), COLLECTION);
        timers.schedule(ROUND, surveyId + "@" + at.toEpochMilli(), at);
    }

    /** Only the round the plan expects runs; the next one is planned before this one starts. */
    private boolean claim(String surveyId, Instant planned, SurveyDefinition.Trigger t) {
        Instant next = planned.plus(t.every());
        boolean mine = mongo.updateFirst(query(where("_id").is(surveyId).and("nextAt").is(planned)),
                new Update().set("nextAt", next), COLLECTION).getModifiedCount() == 1;
        if (mine) {
            timers.schedule(ROUND, surveyId + "@" + next.toEpochMilli(), next);
        }
        return mine;
    }

    /** Every member of the segment, a fresh sample each round; each one sampled gets an invitation (sent or skipped). */
    private void round(Survey survey, Instant planned) {
        Round round = new Round();
        Double share = survey.definition().sampling();
        try (SegmentMemberStream members = SegmentMemberStream.open(profiles,
                survey.definition().trigger().segmentId())) {
            for (String profileId; (profileId = members.next()) != null; ) {
                round.members++;
                if (Invitations.sampled(survey.id() + "@" + planned.toEpochMilli(), profileId, share)) {
                    invite(survey, profileId, round);
                }
            }
            round.complete = true;
        } catch (IOException | RuntimeException e) { // the round says it stopped short: a cut stream is no smaller segment
            log.warn("relationship survey {}: round of {} stopped after {} members", survey.id(), planned, round.members, e);
        }
        mongo.updateFirst(query(where("_id").is(survey.id())), new Update().set("lastRound", round.document(planned)),
                COLLECTION);
    }

    private void invite(Survey survey, String profileId, Round round) {
        try {
            round.count(invitations.invite(survey, profileId, new Invitations.Context("schedule", null, null, null, null,
                    null)).state());
        } catch (RuntimeException e) { // one member's failure (a profile gone since) does not stop the round
            log.warn("relationship survey {}: could not invite {}", survey.id(), profileId, e);
            round.count("failed");
        }
    }

    /** What a round did, kept for staff: members seen, sampled, and invitations sent, scheduled or skipped. */
    private static final class Round {
        long members;
        long sampled;
        long sent;
        long scheduled;
        long skipped;
        boolean complete;

        void count(String state) {
            sampled++;
            switch (state) {
                case "sent" -> sent++;
                case "scheduled" -> scheduled++;
                default -> skipped++;
            }
        }

        Document document(Instant planned) {
            return new Document("at", java.util.Date.from(planned)).append("finishedAt", new java.util.Date())
                    .append("members", members).append("sampled", sampled).append("sent", sent)
                    .append("scheduled", scheduled).append("skipped", skipped).append("complete", complete);
        }
    }

    /** A scheduled survey's next round and what its last round did, for staff. */
    record Rounds(String surveyId, Instant nextAt, LastRound lastRound) {
    }

    /** {@code complete}: every member was seen (false when the member stream was cut short; older rounds: null). */
    record LastRound(Instant at, Instant finishedAt, long members, long sampled, long sent, long scheduled, long skipped,
                     Boolean complete) {
    }

    Rounds of(String surveyId) {
        Document d = mongo.findById(surveyId, Document.class, COLLECTION);
        Document last = d == null ? null : d.get("lastRound", Document.class);
        return new Rounds(surveyId, d == null || d.getDate("nextAt") == null ? null : d.getDate("nextAt").toInstant(),
                last == null ? null : new LastRound(last.getDate("at").toInstant(), last.getDate("finishedAt").toInstant(),
                        last.getLong("members"), last.getLong("sampled"), last.getLong("sent"), last.getLong("scheduled"),
                        last.getLong("skipped"), last.getBoolean("complete")));
    }
}
