package com.omnicanal.feedback.invitation;

import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.Surveys;
import com.omnicanal.support.timer.TimerDue;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Durable timers of invitations: a delayed or deferred one is due, or its one reminder is. */
@Component
class InvitationTimers {

    private final Invitations invitations;
    private final Surveys surveys;
    private final MongoTemplate mongo;

    InvitationTimers(Invitations invitations, Surveys surveys, MongoTemplate mongo) {
        this.invitations = invitations;
        this.surveys = surveys;
        this.mongo = mongo;
    }

    @EventListener
    void due(TimerDue due) {
        boolean send = Invitations.DUE.equals(due.subject());
        if (!send && !Invitations.REMIND.equals(due.subject())) {
            return;
        }
        Invitation invitation = invitations.find(due.token()).orElse(null);
        if (invitation == null || (send && !"scheduled".equals(invitation.state()))) {
            return; // erased, or a stale timer of an invitation that went already
        }
        Optional<Survey> survey = surveys.find(invitation.surveyId()).filter(Survey::isActive);
        if (survey.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(invitation.token())), new Update().set("state", send ? "skipped"
                    : invitation.state()).push("reasons", "the survey is no longer active"), Invitation.class);
        } else if (send) {
            invitations.sendScheduled(invitation, survey.get(), Instant.now());
        } else {
            invitations.remind(invitation, survey.get(), Instant.now());
        }
    }
}
