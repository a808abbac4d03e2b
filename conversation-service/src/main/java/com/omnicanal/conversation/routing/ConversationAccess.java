package com.omnicanal.conversation.routing;

import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.support.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may open a conversation: supervisors and admins any; an agent those assigned to them or to one of their teams,
 * and unrouted ones (no team yet). Anything else is 404, so an agent cannot probe which ids exist.
 */
@Component
public class ConversationAccess {

    private final Conversations conversations;
    private final Teams teams;

    ConversationAccess(Conversations conversations, Teams teams) {
        this.conversations = conversations;
        this.teams = teams;
    }

    public Conversation readable(String id, Authentication staff) {
        Conversation c = conversations.find(id).orElseThrow(ConversationAccess::notFound);
        boolean all = staff.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_supervisor")
                || a.getAuthority().equals("ROLE_admin"));
        String agent = Actor.username(staff);
        if (all || agent.equals(c.assignee()) || c.teamId() == null || teams.of(agent).contains(c.teamId())) {
            return c;
        }
        throw notFound();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such conversation");
    }
}
