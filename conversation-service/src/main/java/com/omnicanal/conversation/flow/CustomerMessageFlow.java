package com.omnicanal.conversation.flow;

import com.omnicanal.conversation.bot.Bot;
import com.omnicanal.conversation.complaint.ComplaintRules;
import com.omnicanal.conversation.dispatch.DispatchRequest;
import com.omnicanal.conversation.dispatch.Dispatcher;
import com.omnicanal.conversation.hold.SurveyHolds;
import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.Message;
import com.omnicanal.conversation.inbox.Outbound;
import com.omnicanal.conversation.routing.Router;
import com.omnicanal.conversation.sla.Calendars;
import com.omnicanal.conversation.sla.SlaClocks;
import com.omnicanal.events.conversation.MessageReceived;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a customer's message sets in motion: the complaint keyword rule; the FAQ bot when it is on duty (outside
 * business hours, or always) and sure of its answer; otherwise routing to a person and the SLA clocks.
 */
@Component
class CustomerMessageFlow {

    /** Records, not requests: a call log or a store visit needs no agent to pick it up. */
    private static final Set<String> RECORD_ONLY = Set.of("phone", "store");

    private final Inbox inbox;
    private final Conversations conversations;
    private final ComplaintRules complaints;
    private final Router router;
    private final SlaClocks sla;
    private final Bot bot;
    private final Dispatcher dispatcher;
    private final Outbound outbound;
    private final Calendars calendars;
    private final SurveyHolds holds;
    private final String botMode;
    private final String botCalendar;

    CustomerMessageFlow(Inbox inbox, Conversations conversations, ComplaintRules complaints, Router router, SlaClocks sla,
                        Bot bot, Dispatcher dispatcher, Outbound outbound, Calendars calendars, SurveyHolds holds,
                        @Value("${omni.bot.mode:outside-hours}") String botMode,
                        @Value("${omni.bot.calendar:}") String botCalendar) {
        this.inbox = inbox;
        this.conversations = conversations;
        this.complaints = complaints;
        this.router = router;
        this.sla = sla;
        this.bot = bot;
        this.dispatcher = dispatcher;
        this.outbound = outbound;
        this.calendars = calendars;
        this.holds = holds;
        this.botMode = botMode;
        this.botCalendar = botCalendar;
    }

    /**
     * A run of messages, read in three bulk reads (messages, conversations, survey holds) instead of three reads each;
     * what follows is keyed (complaint per conversation, queue entry, SLA clock, the bot's answer and hand-over note
     * per message), so a run retried or redelivered repeats nothing: it runs without claiming its events.
     */
    void handleAll(List<MessageReceived> events) {
        Map<String, Message> messages = inbox.briefs(events.stream().map(MessageReceived::messageId).toList());
        Map<String, Conversation> byId = conversations.findAll(events.stream().map(MessageReceived::conversationId)
                .collect(Collectors.toSet()));
        Map<String, Instant> heldUntil = holds.heldUntil(byId.values().stream().map(Conversation::profileId)
                .collect(Collectors.toSet()));
        Map<String, Router.Waiting> toQueue = new LinkedHashMap<>();
        for (MessageReceived event : events) {
            Conversation c = byId.computeIfAbsent(event.conversationId(), id -> conversations.find(id).orElse(null));
            if (handle(event, messages.get(event.messageId()), c, c == null ? null : heldUntil.get(c.profileId()),
                    toQueue)) {
                byId.remove(c.id()); // changed: a later message of the same conversation reads it again
            }
        }
        router.enqueueAll(toQueue.values(), Instant.now()); // the run's new queue entries in one insert
    }

    /** Returns whether the message may have changed its conversation; one that needs an agent joins {@code toQueue}. */
    private boolean handle(MessageReceived event, Message message, Conversation c, Instant heldUntil,
                           Map<String, Router.Waiting> toQueue) {
        if (message == null || c == null || RECORD_ONLY.contains(event.channel())
                || heldUntil != null && heldUntil.isAfter(message.at())) {
            return false; // a record, or an answer to a survey in the conversation: nothing for an agent
        }
        if (complaints.apply(c, message)) {
            c = conversations.find(c.id()).orElseThrow();
        }
        if (c.assignee() == null && c.complaintId() == null && botOnDuty(Instant.now()) && botAnswered(c, message)) {
            return true;
        }
        if ("open".equals(c.status())) {
            sla.customerWrote(c, event.channel(), message.at());
            // the first message's channel, the latest copy of the conversation (a complaint may have raised it)
            toQueue.merge(c.id(), new Router.Waiting(c, event.channel()),
                    (first, later) -> new Router.Waiting(later.conversation(), first.channel()));
        }
        return true;
    }

    private boolean botOnDuty(Instant now) {
        return switch (botMode) {
            case "always" -> true;
            case "outside-hours" -> !botCalendar.isBlank() && !calendars.isOpen(botCalendar, now);
            default -> false;
        };
    }

    private boolean botAnswered(Conversation c, Message message) {
        Bot.Decision decision = bot.decide(message.text(), c.language());
        if (!decision.answers()) {
            outbound.note("note:bot:" + message.id(), c.id(), c.profileId(), "bot", "Bot handed over to a person: " + (decision.action().equals("handover")
                    ? "the customer asked for one" : "not sure enough (" + Math.round(decision.confidence() * 100) + "%)"),
                    List.of(), List.of());
            return false;
        }
        var answer = dispatcher.dispatch(DispatchRequest.text("bot:" + message.id(), c.profileId(), "service",
                List.of(message.channel()), decision.answer()), "bot", "Omnicanal bot");
        if (!answer.isSent()) {
            return false;
        }
        conversations.setStatus(c.id(), "pending", null); // answered; waits for the customer, not for an agent
        return true;
    }

    @Scheduled(fixedDelayString = "${omni.conversations.snooze-check:PT30S}")
    void wakeSnoozed() {
        Instant now = Instant.now();
        conversations.wakeDue(now).forEach(c -> router.enqueue(c, c.lastInboundChannel() == null ? "webchat"
                : c.lastInboundChannel(), now));
    }
}
