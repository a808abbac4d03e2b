package com.omnicanal.conversation.inbox;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Staff read a conversation: every message with its channel, oldest first. */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
class ConversationController {

    private final MongoTemplate mongo;

    ConversationController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record MessageView(String id, String direction, String channel, String senderName, String text, Instant at) {
    }

    record ConversationView(String id, String profileId, String status, Set<String> channels, Instant lastMessageAt,
                            List<MessageView> messages) {
    }

    @GetMapping("/api/conversations/{id}")
    ConversationView get(@PathVariable String id) {
        Conversation conversation = mongo.findById(id, Conversation.class);
        if (conversation == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such conversation");
        }
        List<MessageView> messages = mongo.find(query(where("conversationId").is(id)).with(Sort.by("at")), Message.class)
                .stream().map(m -> new MessageView(m.id(), m.direction(), m.channel(), m.senderName(), m.text(), m.at()))
                .toList();
        return new ConversationView(conversation.id(), conversation.profileId(), conversation.status(),
                conversation.channels(), conversation.lastMessageAt(), messages);
    }

    @GetMapping(value = "/api/conversations", params = "profileId")
    ConversationView openFor(@RequestParam String profileId) {
        OpenConversation open = mongo.findById(profileId, OpenConversation.class);
        if (open == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open conversation for that profile");
        }
        return get(open.conversationId());
    }
}
