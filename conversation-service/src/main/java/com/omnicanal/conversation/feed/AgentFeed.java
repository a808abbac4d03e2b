package com.omnicanal.conversation.feed;

import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.routing.Teams;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open console streams of this instance. Each event about a conversation reaches the staff who may see it:
 * supervisors and admins, its assignee, its team, and everyone while it has no team yet.
 */
@Component
class AgentFeed {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private record Subscriber(String agentId, boolean seesAll, SseEmitter emitter) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Conversations conversations;
    private final Teams teams;

    AgentFeed(Conversations conversations, Teams teams) {
        this.conversations = conversations;
        this.teams = teams;
    }

    SseEmitter subscribe(String agentId, boolean seesAll) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(agentId, seesAll, emitter);
        subscribers.add(subscriber);
        Runnable remove = () -> subscribers.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(subscriber, "ready", Map.of("agent", agentId));
        return emitter;
    }

    void publish(String conversationId, String event, Object data) {
        if (subscribers.isEmpty()) {
            return;
        }
        Conversation c = conversations.find(conversationId).orElse(null);
        if (c == null) {
            return;
        }
        for (Subscriber s : subscribers) {
            if (s.seesAll() || s.agentId().equals(c.assignee()) || c.teamId() == null || teams.of(s.agentId()).contains(c.teamId())) {
                send(s, event, data);
            }
        }
    }

    private static void send(Subscriber s, String event, Object data) {
        try {
            s.emitter().send(SseEmitter.event().name(event).data(data));
        } catch (IOException | IllegalStateException gone) {
            s.emitter().completeWithError(gone);
        }
    }
}
