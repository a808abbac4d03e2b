package com.omnicanal.conversation.console;

import com.omnicanal.conversation.channel.OutboundMessage.Attachment;
import com.omnicanal.conversation.dispatch.Dispatch;
import com.omnicanal.conversation.dispatch.DispatchRequest;
import com.omnicanal.conversation.dispatch.Dispatcher;
import com.omnicanal.conversation.inbox.Conversation;
import com.omnicanal.conversation.inbox.Conversations;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.Message;
import com.omnicanal.conversation.inbox.Outbound;
import com.omnicanal.conversation.routing.ConversationAccess;
import com.omnicanal.conversation.routing.Router;
import com.omnicanal.support.problem.InvalidRequestException;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * Staff work a conversation: read the whole thread (every channel, with delivery statuses), reply on the channel the
 * customer last used or any other they may be reached on, leave notes, tag, change status, reassign. An agent reaches
 * only conversations of their teams (or assigned to them); supervisors and admins reach all.
 */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
class ConsoleController {

    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("@([A-Za-z0-9._-]{2,100})");

    private final Conversations conversations;
    private final Inbox inbox;
    private final Outbound outbound;
    private final Dispatcher dispatcher;
    private final Router router;
    private final ConversationAccess access;
    private final long maxAttachmentBytes;

    ConsoleController(Conversations conversations, Inbox inbox, Outbound outbound, Dispatcher dispatcher, Router router,
                      ConversationAccess access,
                      @org.springframework.beans.factory.annotation.Value("${omni.conversations.max-attachment-bytes:26214400}")
                      long maxAttachmentBytes) {
        this.conversations = conversations;
        this.inbox = inbox;
        this.outbound = outbound;
        this.dispatcher = dispatcher;
        this.router = router;
        this.access = access;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    record MessageView(String id, String direction, String channel, String kind, String author, String senderName,
                       String text, String subject, List<Attachment> attachments, String status, String error,
                       List<String> mentions, Instant at, String replyId) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.direction(), m.channel(), m.kind(), m.author(), m.senderName(), m.text(),
                    m.subject(), m.attachments(), m.status(), m.error(), m.mentions(), m.at(), m.replyId());
        }
    }

    record ConversationView(String id, String profileId, String status, Set<String> channels, String lastInboundChannel,
                            String assignee, String teamId, int priority, String complaintId, String storeId,
                            Set<String> tags, Instant openedAt, Instant lastMessageAt, Instant snoozedUntil,
                            List<MessageView> messages) {
    }

    record Reply(@Size(max = 4096) String text, @Pattern(regexp = "whatsapp|sms|email|telegram|messenger|instagram|webchat",
            message = "must be a channel we can send on") String channel, @Size(max = 100) String template,
                 @Size(max = 50) Map<String, String> variables, @Size(max = 200) String subject,
                 @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag like es") String language,
                 @Size(max = 10) List<@Valid Attachment> attachments) {
    }

    record Note(@NotBlank @Size(max = 4096) String text, @Size(max = 10) List<@Valid Attachment> attachments) {
    }

    record StatusChange(@NotBlank @Pattern(regexp = "open|pending|snoozed|resolved",
            message = "must be open, pending, snoozed or resolved") String status, Instant snoozedUntil) {
    }

    record Assignment(@NotBlank @Size(max = 100) String agentId) {
    }

    record Tags(@Size(max = 20) Set<@Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}", message = "lower-case words only") String> add,
                @Size(max = 20) Set<String> remove) {
    }

    @GetMapping("/api/conversations/{id}")
    ConversationView get(@PathVariable String id, Authentication staff) {
        return view(access.readable(id, staff));
    }

    @GetMapping(value = "/api/conversations", params = "profileId")
    ConversationView current(@RequestParam String profileId, Authentication staff) {
        Conversation c = conversations.currentOf(profileId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation for that profile"));
        return get(c.id(), staff);
    }

    @PostMapping("/api/conversations/{id}/messages")
    ResponseEntity<Dispatch> reply(@PathVariable String id, @Valid @RequestBody Reply reply, Authentication staff,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Conversation c = access.readable(id, staff);
        checkSizes(reply.attachments());
        String requestId = "reply:" + id + ":" + (key == null ? UUID.randomUUID() : key);
        String author = Actor.of(staff);
        Dispatch sent = dispatcher.dispatch(new DispatchRequest(requestId, c.profileId(), "service", ReplyChannels.of(reply.channel(), c),
                reply.text(), reply.subject(), reply.template(), reply.variables(), reply.language(), reply.attachments(), null),
                author, Actor.username(staff));
        return ResponseEntity.status(sent.isSent() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(sent);
    }

    @PostMapping("/api/conversations/{id}/notes")
    MessageView note(@PathVariable String id, @Valid @RequestBody Note note, Authentication staff) {
        Conversation c = access.readable(id, staff);
        checkSizes(note.attachments());
        Matcher m = MENTION.matcher(note.text());
        List<String> mentions = m.results().map(r -> r.group(1)).distinct().toList();
        return MessageView.of(outbound.note(c.id(), c.profileId(), Actor.of(staff), note.text(), mentions,
                note.attachments() == null ? List.of() : note.attachments()));
    }

    @PostMapping("/api/conversations/{id}/status")
    ConversationView status(@PathVariable String id, @Valid @RequestBody StatusChange change, Authentication staff) {
        Conversation c = access.readable(id, staff);
        Instant now = Instant.now();
        if (change.status().equals("resolved")) {
            conversations.resolve(c.id(), now);
        } else {
            if (change.status().equals("snoozed") && (change.snoozedUntil() == null || !change.snoozedUntil().isAfter(now))) {
                throw new InvalidRequestException("snoozedUntil", "a snoozed conversation needs a future snoozedUntil");
            }
            conversations.setStatus(c.id(), change.status(), change.snoozedUntil());
        }
        return get(id, staff);
    }

    @PostMapping("/api/conversations/{id}/assign")
    @PreAuthorize("hasAnyRole('supervisor', 'admin')")
    ConversationView assign(@PathVariable String id, @Valid @RequestBody Assignment assignment, Authentication staff) {
        Conversation c = access.readable(id, staff);
        if (!router.isAgent(assignment.agentId())) {
            throw new InvalidRequestException("agentId", "no such agent");
        }
        router.reassign(c, assignment.agentId(), Actor.of(staff), Instant.now());
        return get(id, staff);
    }

    @PutMapping("/api/conversations/{id}/tags")
    ConversationView tags(@PathVariable String id, @Valid @RequestBody Tags tags, Authentication staff) {
        access.readable(id, staff);
        conversations.tag(id, tags.add() == null ? Set.of() : tags.add(), tags.remove() == null ? Set.of() : tags.remove());
        return get(id, staff);
    }

    private void checkSizes(List<Attachment> attachments) {
        if (attachments != null && attachments.stream().anyMatch(a -> a.size() > maxAttachmentBytes)) {
            throw new InvalidRequestException("attachments", "an attachment is larger than " + maxAttachmentBytes + " bytes");
        }
    }

    private ConversationView view(Conversation c) {
        return new ConversationView(c.id(), c.profileId(), c.status(), c.channels(), c.lastInboundChannel(), c.assignee(),
                c.teamId(), c.priority(), c.complaintId(), c.storeId(), c.tags(), c.openedAt(), c.lastMessageAt(),
                c.snoozedUntil(), inbox.thread(c.id()).stream().map(MessageView::of).toList());
    }
}
