package com.omnicanal.conversation.webchat;

import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.inbox.Deliveries;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import com.omnicanal.conversation.inbox.Message;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The web chat API for the company's apps (public path; the caller is a signed-in customer or holds a signed session):
 * open a session, send, read the history of their own conversation, follow it live, acknowledge receipts.
 */
@RestController
@RequestMapping("/api/channels/webchat")
class WebchatController {

    private static final String SESSION = "X-Webchat-Session";
    static final String ADDRESSES = "webchat_addresses";

    private final ChatSessions sessions;
    private final LiveChats chats;
    private final Inbox inbox;
    private final Conversations conversations;
    private final Deliveries deliveries;
    private final MongoTemplate mongo;

    WebchatController(ChatSessions sessions, LiveChats chats, Inbox inbox, Conversations conversations,
                      Deliveries deliveries, MongoTemplate mongo) {
        this.sessions = sessions;
        this.chats = chats;
        this.inbox = inbox;
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.mongo = mongo;
    }

    record SessionRequest(@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only")
                          String storeId) {
    }

    record SessionResponse(String sessionToken, String storeId) {
    }

    record ChatMessage(@NotBlank @Size(max = 4000) String text, @Size(max = 100) String clientMessageId) {
    }

    record Sent(String messageId, String conversationId) {
    }

    record Receipt(@NotBlank String messageId, @Pattern(regexp = "delivered|read", message = "must be delivered or read")
                   @NotBlank String status) {
    }

    record ChatLine(String id, String direction, String text, String status, Instant at) {
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponse open(@Valid @RequestBody(required = false) SessionRequest request) {
        String store = request == null ? null : request.storeId();
        return new SessionResponse(sessions.issue(store), store);
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Sent send(@RequestHeader(value = SESSION, required = false) String session, @Valid @RequestBody ChatMessage message,
              Authentication auth) {
        ChatCaller caller = ChatCaller.of(auth, session, sessions);
        String clientId = message.clientMessageId() == null ? UUID.randomUUID().toString() : message.clientMessageId();
        String providerId = caller.address() + ":" + clientId;
        inbox.receive(new InboundMessage("webchat", providerId, caller.identifiers(), caller.name(), message.text(),
                Instant.now(), new InboundMessage.Details("text", null, List.of(), java.util.Map.of(), caller.storeId(),
                "inbound")));
        Message stored = inbox.message("webchat:" + providerId).orElseThrow();
        mongo.save(new Document("_id", caller.address()).append("profileId", stored.profileId()), ADDRESSES);
        return new Sent(stored.id(), stored.conversationId());
    }

    @GetMapping("/messages")
    List<ChatLine> history(@RequestHeader(value = SESSION, required = false) String session, Authentication auth) {
        ChatCaller caller = ChatCaller.of(auth, session, sessions);
        return profileOf(caller).flatMap(conversations::currentOf).map(c -> inbox.thread(c.id())).orElse(List.of())
                .stream().filter(m -> !"note".equals(m.direction()))
                .map(m -> new ChatLine(m.id(), m.direction(), m.text(), m.status(), m.at())).toList();
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(value = "session", required = false) String session, Authentication auth) {
        return chats.open(ChatCaller.of(auth, session, sessions).address());
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void receipt(@RequestHeader(value = SESSION, required = false) String session, @Valid @RequestBody Receipt receipt,
                 Authentication auth) {
        ChatCaller caller = ChatCaller.of(auth, session, sessions);
        Message message = inbox.message(receipt.messageId()).filter(m -> "webchat".equals(m.channel()))
                .filter(m -> profileOf(caller).map(m.profileId()::equals).orElse(false))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such message"));
        deliveries.update("webchat", message.id(), receipt.status(), null, Instant.now());
    }

    private Optional<String> profileOf(ChatCaller caller) {
        return Optional.ofNullable(mongo.findById(caller.address(), Document.class, ADDRESSES))
                .map(d -> d.getString("profileId"));
    }
}
