package com.omnicanal.feedback.conversational;

import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.feedback.invitation.Invitation;
import com.omnicanal.feedback.invitation.Invitations;
import com.omnicanal.feedback.invitation.SurveyChat;
import com.omnicanal.feedback.response.AnswerReading;
import com.omnicanal.feedback.response.Responses;
import com.omnicanal.feedback.survey.SurveyDefinition;
import com.omnicanal.feedback.survey.SurveyDefinition.Question;
import com.omnicanal.feedback.survey.Surveys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A customer with a survey open in their conversation replies: the reply is read for the current question ("9",
 * "👍", "muy mal", or a tapped choice by its id), the next question follows the skip logic, and the last one records the answer exactly as the
 * survey page would (same rules, detractor loop). A reply not understood is asked again once, then the survey ends
 * and the customer is back with the agents.
 */
@Configuration(proxyBeanMethods = false)
class ConversationalSurveys {

    private final Invitations invitations;
    private final Surveys surveys;
    private final Responses responses;
    private final SurveyChat chat;

    ConversationalSurveys(Invitations invitations, Surveys surveys, Responses responses, SurveyChat chat) {
        this.invitations = invitations;
        this.chat = chat;
        this.surveys = surveys;
        this.responses = responses;
    }

    @Bean
    Consumer<MessageReceived> surveyReplies() {
        return event -> invitations.pending(event.profileId()).ifPresent(p -> reply(event, p));
    }

    private void reply(MessageReceived event, Invitations.Pending pending) {
        Invitation invitation = invitations.find(pending.token()).orElse(null);
        if (invitation == null) {
            invitations.endPending(event.profileId());
            return;
        }
        SurveyDefinition d = surveys.version(invitation.surveyId(), invitation.version()).orElseThrow();
        SurveyDefinition.Localized l = d.languages().getOrDefault("es", d.languages().values().iterator().next());
        Question question = l.questions().get(pending.index());
        SurveyChat.Reply reply = chat.reply(event.messageId());
        Optional<String> answer = AnswerReading.read(question, reply.text(), reply.replyId());
        if (answer.isEmpty()) {
            retryOrGiveUp(event, pending, question);
            return;
        }
        Map<String, List<String>> answers = new HashMap<>(pending.answers());
        answers.put(question.id(), List.of(answer.get()));
        int next = next(l.questions(), pending.index(), answer.get());
        if (next < l.questions().size()) {
            invitations.savePending(event.profileId(), new Invitations.Pending(pending.token(), next, answers, 0));
            chat.ask(event.profileId(), pending.token(), next, event.channel(), "", l.questions().get(next));
            return;
        }
        finish(event, pending, invitation, d, l, answers);
    }

    private void finish(MessageReceived event, Invitations.Pending pending, Invitation invitation, SurveyDefinition d,
                        SurveyDefinition.Localized l, Map<String, List<String>> answers) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        answers.forEach((id, values) -> form.put("q_" + id, values));
        try {
            responses.submit(invitation, d, l, form);
        } catch (Responses.Invalid incomplete) {
            // a required question was skipped by the flow: what was answered is still worth nothing half-recorded
        }
        invitations.endPending(event.profileId());
        chat.say(event.profileId(), pending.token(), 99, event.channel(), l.thanks() == null
                ? "¡Gracias por tu respuesta!" : l.thanks());
    }

    private void retryOrGiveUp(MessageReceived event, Invitations.Pending pending, Question question) {
        if (pending.retries() >= 1) {
            invitations.endPending(event.profileId()); // not a survey answer after all: back to the agents
            return;
        }
        invitations.savePending(event.profileId(), new Invitations.Pending(pending.token(), pending.index(),
                pending.answers(), pending.retries() + 1));
        chat.ask(event.profileId(), pending.token(), 50 + pending.index(), event.channel(),
                "Perdona, no te he entendido. ", question);
    }

    /** The next question: where the answer's skip rule points, else the following one; past the end when done. */
    private static int next(List<Question> questions, int index, String answer) {
        String skip = questions.get(index).skipTo() == null ? null : questions.get(index).skipTo().get(answer);
        if ("end".equals(skip)) {
            return questions.size();
        }
        for (int j = 0; skip != null && j < questions.size(); j++) {
            if (questions.get(j).id().equals(skip)) {
                return j;
            }
        }
        return index + 1;
    }
}
