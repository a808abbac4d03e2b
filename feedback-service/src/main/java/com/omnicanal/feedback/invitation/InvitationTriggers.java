package com.omnicanal.feedback.invitation;

import com.omnicanal.events.conversation.ComplaintResolved;
import com.omnicanal.events.conversation.ConversationResolved;
import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.feedback.loop.Loop;
import com.omnicanal.feedback.survey.Surveys;
import com.omnicanal.support.privacy.ErasureParticipant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/**
 * What sends a survey: a resolved conversation (CSAT about it, attributed to its agent and team), a resolved
 * complaint (the recovery survey; the loop closes the case) or an activity (e.g. NPS after a purchase); erasure
 * forgets a person's invitations.
 */
@Configuration(proxyBeanMethods = false)
class InvitationTriggers {

    @Bean
    Consumer<ConversationResolved> surveyResolvedConversations(Surveys surveys, Invitations invitations) {
        return event -> surveys.triggeredBy("conversation-resolved", null).forEach(survey -> invitations.invite(survey,
                event.profileId(), new Invitations.Context("conversation-resolved", event.lastChannel(),
                        event.conversationId(), event.agentId(), event.teamId(), null)));
    }

    /** The recovery survey: asked when the complaint is resolved (the one survey an open complaint never blocks). */
    @Bean
    Consumer<ComplaintResolved> surveyResolvedComplaints(Surveys surveys, Invitations invitations, Loop loop) {
        return event -> {
            loop.resolved(event.complaintId(), event.resolvedAt());
            surveys.triggeredBy("complaint-resolved", null).forEach(survey -> invitations.invite(survey,
                    event.profileId(), new Invitations.Context("complaint-resolved", null, event.conversationId(), null,
                            null, null)));
        };
    }

    @Bean
    Consumer<ActivityRecorded> surveyActivities(Surveys surveys, Invitations invitations) {
        return event -> surveys.triggeredBy("activity", event.type()).forEach(survey -> invitations.invite(survey,
                event.profileId(), new Invitations.Context("activity " + event.type(), event.channel(), null, null, null,
                        event.storeId())));
    }

    @Bean
    @org.springframework.core.annotation.Order(10) // after the responses were anonymised through these invitations
    ErasureParticipant forgetInvitations(Invitations invitations) {
        return invitations::forget;
    }
}
