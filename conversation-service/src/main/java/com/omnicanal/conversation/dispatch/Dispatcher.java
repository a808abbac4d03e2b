package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.channel.ChannelException;
import com.omnicanal.conversation.channel.Connectors;
import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderReceipt;
import com.omnicanal.conversation.channel.ProviderThrottles;
import com.omnicanal.conversation.complaint.OpenComplaints;
import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.Outbound;
import com.omnicanal.conversation.writes.GroupedWrites;
import com.omnicanal.conversation.template.Templates;
import com.omnicanal.events.conversation.DispatchRefused;
import com.omnicanal.support.outbox.EventOutbox;
import com.omnicanal.support.problem.InvalidRequestException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The one place that sends to customers: claims the request id (a retried request gets the first answer), holds
 * promotions while a complaint is open, keeps the contact-pressure budget, asks reachability, applies the WhatsApp
 * window, renders the template for the channel, keeps to the provider's send rate, and sends through the channel's
 * connector — falling back to the next allowed channel when a provider refuses — or says why not and until when.
 */
@Service
public class Dispatcher {

    private final MongoTemplate mongo;
    private final ReachabilityClient reachability;
    private final Inbox inbox;
    private final Conversations conversations;
    private final Outbound outbound;
    private final Connectors connectors;
    private final OpenComplaints complaints;
    private final Templates templates;
    private final EventOutbox outbox;
    private final EmailThreading threading;
    private final PressureBudget budget;
    private final Claims claims;
    private final GroupedWrites grouped;
    private final ProviderThrottles throttles;

    Dispatcher(MongoTemplate mongo, ReachabilityClient reachability, Inbox inbox, Conversations conversations,
               Outbound outbound, Connectors connectors, OpenComplaints complaints, Templates templates,
               EventOutbox outbox, EmailThreading threading, PressureBudget budget, Claims claims,
               GroupedWrites grouped, ProviderThrottles throttles) {
        this.grouped = grouped;
        this.throttles = throttles;
        this.mongo = mongo;
        this.reachability = reachability;
        this.inbox = inbox;
        this.conversations = conversations;
        this.outbound = outbound;
        this.connectors = connectors;
        this.complaints = complaints;
        this.templates = templates;
        this.outbox = outbox;
        this.threading = threading;
        this.budget = budget;
        this.claims = claims;
    }

    /** Sends for a service or an agent ({@code author}, null for services); the stored outcome of the request. */
    public Dispatch dispatch(DispatchRequest request, String author, String senderName) {
        return dispatch(request, author, senderName, BatchFacts.NONE);
    }

    /** The same, with what its batch read about the customers at once ({@code known}; the rest is read alone). */
    Dispatch dispatch(DispatchRequest request, String author, String senderName, BatchFacts known) {
        Boolean claimedByBatch = known.claims().get(request.requestId());
        try {
            check(request);
        } catch (InvalidRequestException invalid) {
            if (Boolean.TRUE.equals(claimedByBatch)) {
                claims.release(request.requestId());
            }
            throw invalid;
        }
        Instant now = Instant.now();
        if (!(claimedByBatch != null ? claimedByBatch : claims.claim(request, now))) {
            return mongo.findById(request.requestId(), Dispatch.class); // a retried request: the first answer
        }
        Instant claimedAt = claimedByBatch != null ? known.claimedAt() : now;
        List<String> decisions = new ArrayList<>();
        if ("marketing".equals(request.purpose()) && complaintOpen(request.profileId(), known)) {
            decisions.add("held: the customer has an open complaint; no promotions until it is resolved");
            return finish(request, refused(request, decisions, null, now), decisions, claimedAt);
        }
        Optional<Instant> budgetFreesAt = budget.reserve(request.profileId(), request.purpose(), request.requestId(), now,
                known.pressure().get(request.profileId()));
        if (budgetFreesAt.isPresent()) {
            decisions.add("deferred by the contact-pressure budget: " + budget.limits().get(request.purpose()) + " "
                    + request.purpose() + " message(s) per " + budget.window().toDays() + " days already sent");
            decisions.add("deferred until " + budgetFreesAt.get());
            return finish(request, refused(request, decisions, budgetFreesAt.get(), now), decisions, claimedAt);
        }
        ReachabilityClient.Reachability reach;
        try {
            reach = reach(request, known);
        } catch (RuntimeException e) {
            budget.release(request.profileId(), request.requestId());
            throw e;
        }
        Optional<Conversation> current = known.current().get(request.profileId()); // null: not read for the batch
        List<ChannelChoice.Choice> choices = ChannelChoice.candidates(request, templates.approvedForWhatsApp(request.template()),
                reach, current != null ? Inbox.lastInboundIn(current) : inbox.lastInbound(request.profileId()), now, decisions);
        Origin origin = new Origin(request, author, senderName);
        for (ChannelChoice.Choice choice : choices) {
            Optional<Outcome> sent = trySend(request, choice, origin, current, now, decisions);
            if (sent.isPresent()) {
                if (!"sent".equals(sent.get().status())) {
                    budget.release(request.profileId(), request.requestId()); // throttled: it goes later, counted then
                }
                return finish(request, sent.get(), decisions, claimedAt);
            }
        }
        budget.release(request.profileId(), request.requestId()); // nothing went: the slot is free again
        return finish(request, notSent(request, reach, decisions, now), decisions, claimedAt);
    }

    private boolean complaintOpen(String profileId, BatchFacts known) {
        Boolean open = known.openComplaints().get(profileId);
        return open != null ? open : complaints.isOpen(profileId);
    }

    /** What makes a request invalid (400), checked before its request id is claimed. */
    void check(DispatchRequest request) {
        if ((request.text() == null || request.text().isBlank()) && request.template() == null
                && request.interactive() == null) {
            throw new InvalidRequestException("text", "text, template or interactive is required");
        }
        InteractiveRules.check(request);
        templates.check(request.template(), request.variables());
    }

    boolean isValid(DispatchRequest request) {
        try {
            check(request);
            return true;
        } catch (InvalidRequestException invalid) {
            return false;
        }
    }

    private record Origin(DispatchRequest request, String author, String senderName) {

        Outbound.Origin of() {
            return new Outbound.Origin(request.requestId(), request.purpose(), author, senderName);
        }
    }

    /** {@code current}: the conversation the batch read (after a refusal it may be stale: the pointer's compare-and-set
     * then joins the conversation the earlier attempt opened). */
    private Optional<Outcome> trySend(DispatchRequest request, ChannelChoice.Choice choice, Origin origin,
                                      Optional<Conversation> current, Instant now, List<String> decisions) {
        Templates.Rendered content;
        try {
            content = templates.render(request.template(), textOf(request), request.subject(), request.variables(),
                    request.language(), choice.channel(), choice.kind());
        } catch (InvalidRequestException unusable) {
            decisions.add(choice.channel() + ": skipped (" + unusable.getMessage() + ")");
            return Optional.empty();
        }
        Optional<String> tooLong = SmsRules.problem(choice.channel(), content.text(), decisions);
        if (tooLong.isPresent()) {
            decisions.add("sms: skipped (" + tooLong.get() + ")");
            return Optional.empty();
        }
        Optional<Instant> room = throttles.take(choice.channel());
        if (room.isPresent()) { // the preferred channel is only busy: later on it, not now on another one
            decisions.add(choice.channel() + ": deferred by the provider's limit of " + throttles.rateOf(choice.channel())
                    + " messages; the channel has room again at " + room.get());
            return Optional.of(refused(request, decisions, room.get(), now));
        }
        Conversations.Target target = conversations.forOutbound(request.profileId(), choice.channel(), now, current);
        Conversation conversation = target.conversation();
        String messageId = Outbound.newId();
        OutboundMessage message = new OutboundMessage(messageId, request.profileId(), conversation.id(),
                choice.channel(), choice.address(), choice.kind(), content.text(), content.subject(),
                content.whatsappTemplate(), content.language(), content.parameters(), request.attachments(),
                threading.headers(choice.channel(), target, messageId),
                "interactive".equals(choice.kind()) ? request.interactive() : null);
        outbound.queue(message, origin.of(), now);
        try {
            ProviderReceipt receipt = connectors.send(message);
            outbound.sent(message, origin.of(), receipt, now);
        } catch (ChannelException refused) {
            outbound.failed(message, origin.of(), refused.getMessage(), now);
            decisions.add(choice.channel() + ": the provider refused it (" + refused.getMessage() + "); trying the next channel");
            return Optional.empty();
        }
        String form = choice.form(request.interactive());
        decisions.add(choice.channel() + ": chosen, " + choice.reason() + (form == null ? "" : "; the choices as " + form)
                + (connectors.isSandbox(choice.channel()) ? " [sandbox: kept, not sent to the provider]" : ""));
        return Optional.of(new Outcome("sent", choice.channel(), choice.kind(), form, message.messageId(),
                conversation.id(), null));
    }

    /** The text sent (and shown in the thread): the caller's, else the interactive body with its numbered choices. */
    private static String textOf(DispatchRequest request) {
        boolean noText = request.text() == null || request.text().isBlank();
        return noText && request.interactive() != null ? request.interactive().asText() : request.text();
    }

    /** How a claimed request ended; the rest of its dispatch document is what the claim wrote. */
    record Outcome(String status, String channel, String kind, String form, String messageId,
                           String conversationId, Instant deferredUntil) {
    }

    /** The outcome written (grouped with the batch's others) and answered as stored: only the claimant writes it. */
    private Dispatch finish(DispatchRequest request, Outcome o, List<String> decisions, Instant claimedAt) {
        grouped.apply(List.of(GroupedWrites.Write.raw(Dispatch.COLLECTION, new Document("_id", Dispatch.key(request.requestId())),
                outcome(o, decisions), false)));
        return new Dispatch(request.requestId(), request.profileId(), request.purpose(), o.status(), o.channel(), o.kind(),
                o.form(), o.messageId(), o.conversationId(), decisions, millis(o.deferredUntil()), millis(claimedAt));
    }

    /** The outcome's update as Spring Data would send it (nulls set as nulls, times as dates), built by hand. */
    static Document outcome(Outcome o, List<String> decisions) {
        return new Document("$set", new Document("status", o.status()).append("channel", o.channel())
                .append("kind", o.kind()).append("form", o.form()).append("messageId", o.messageId())
                .append("conversationId", o.conversationId()).append("decisions", new ArrayList<>(decisions))
                .append("deferredUntil", o.deferredUntil() == null ? null : java.util.Date.from(o.deferredUntil())));
    }

    /** As the store keeps an instant, so the answer is the one a later read gives. */
    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public Optional<Dispatch> find(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, Dispatch.class));
    }

    private ReachabilityClient.Reachability reach(DispatchRequest request, BatchFacts known) {
        Optional<ReachabilityClient.Reachability> asked = known.reachOf(request);
        Optional<ReachabilityClient.Reachability> reach = asked != null ? asked : askAlone(request);
        if (reach.isEmpty()) {
            claims.release(request.requestId());
            throw new InvalidRequestException("profileId", "no such profile");
        }
        return reach.get();
    }

    private Optional<ReachabilityClient.Reachability> askAlone(DispatchRequest request) {
        try {
            return Optional.of(reachability.of(request.profileId(), request.purpose(), request.channels()));
        } catch (HttpClientErrorException.NotFound unknown) {
            return Optional.empty();
        }
    }

    /** Deferred when time alone stands in the way (quiet hours): the earliest moment it may go; else refused. */
    private Outcome notSent(DispatchRequest request, ReachabilityClient.Reachability reach, List<String> decisions,
                           Instant now) {
        Optional<Instant> earliest = reach.blocked().stream().map(ReachabilityClient.Blocked::allowedFrom)
                .filter(Objects::nonNull).min(Instant::compareTo);
        if (earliest.isPresent()) {
            decisions.add("deferred until " + earliest.get());
        } else {
            decisions.add("refused: no channel may carry this message now");
        }
        return refused(request, decisions, earliest.orElse(null), now);
    }

    private Outcome refused(DispatchRequest request, List<String> decisions, Instant deferredUntil, Instant now) {
        String status = deferredUntil == null ? "refused" : "deferred";
        Update update = new Update().set("status", status).set("deferredUntil", deferredUntil);
        outbox.publish(Dispatch.COLLECTION, request.requestId(), new DispatchRefused(request.profileId(),
                request.requestId(), request.purpose(), status, List.copyOf(decisions), deferredUntil, now),
                pending -> mongo.updateFirst(query(where("_id").is(request.requestId())), pending.mark(update),
                        Dispatch.class));
        return new Outcome(status, null, null, null, null, null, deferredUntil);
    }

    static HttpStatus statusOf(Dispatch dispatch) {
        return dispatch.isSent() ? HttpStatus.OK : HttpStatus.ACCEPTED;
    }
}
