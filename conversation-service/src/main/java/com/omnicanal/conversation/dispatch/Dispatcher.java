package com.omnicanal.conversation.dispatch;

import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.support.problem.InvalidRequestException;
import org.springframework.dao.DuplicateKeyException;
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
 * The one place that sends to customers: claims the request id (a retried request gets the first answer), asks
 * reachability, applies the WhatsApp window, sends through the channel's connector, or says why not and until when.
 */
@Service
class Dispatcher {

    private final MongoTemplate mongo;
    private final ReachabilityClient reachability;
    private final Inbox inbox;
    private final SandboxConnector connector;

    Dispatcher(MongoTemplate mongo, ReachabilityClient reachability, Inbox inbox, SandboxConnector connector) {
        this.mongo = mongo;
        this.reachability = reachability;
        this.inbox = inbox;
        this.connector = connector;
    }

    Dispatch dispatch(DispatchRequest request) {
        Instant now = Instant.now();
        try {
            mongo.insert(new Dispatch(request.requestId(), request.profileId(), request.purpose(), Dispatch.SENDING,
                    null, null, null, List.of(), null, now));
        } catch (DuplicateKeyException retried) {
            return mongo.findById(request.requestId(), Dispatch.class);
        }
        ReachabilityClient.Reachability reach = reach(request);
        List<String> decisions = new ArrayList<>();
        Optional<ChannelChoice.Choice> choice = ChannelChoice.choose(request, reach,
                inbox.lastInbound(request.profileId()), now, decisions);
        Update outcome = choice.map(c -> sent(request, c, now)).orElseGet(() -> notSent(reach, decisions));
        mongo.updateFirst(query(where("_id").is(request.requestId())), outcome.set("decisions", decisions), Dispatch.class);
        return mongo.findById(request.requestId(), Dispatch.class);
    }

    Optional<Dispatch> find(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, Dispatch.class));
    }

    private ReachabilityClient.Reachability reach(DispatchRequest request) {
        try {
            return reachability.of(request.profileId(), request.purpose());
        } catch (HttpClientErrorException.NotFound unknown) {
            mongo.remove(query(where("_id").is(request.requestId())), Dispatch.class);
            throw new InvalidRequestException("profileId", "no such profile");
        }
    }

    private Update sent(DispatchRequest request, ChannelChoice.Choice choice, Instant now) {
        String conversationId = inbox.conversationFor(request.profileId(), choice.channel());
        String messageId = connector.send(request, choice, conversationId, now);
        return new Update().set("status", "sent").set("channel", choice.channel()).set("kind", choice.kind())
                .set("messageId", messageId);
    }

    /** Deferred when time alone stands in the way (quiet hours): the earliest moment it may go; else refused. */
    private static Update notSent(ReachabilityClient.Reachability reach, List<String> decisions) {
        Optional<Instant> earliest = reach.blocked().stream().map(ReachabilityClient.Blocked::allowedFrom)
                .filter(Objects::nonNull).min(Instant::compareTo);
        if (earliest.isPresent()) {
            decisions.add("deferred until " + earliest.get());
            return new Update().set("status", "deferred").set("deferredUntil", earliest.get());
        }
        decisions.add("refused: no channel may carry this message now");
        return new Update().set("status", "refused");
    }

    static HttpStatus statusOf(Dispatch dispatch) {
        return "sent".equals(dispatch.status()) ? HttpStatus.OK : HttpStatus.ACCEPTED;
    }
}
