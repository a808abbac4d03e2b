package com.omnicanal.conversation.store;

import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Staff in a store: record a visit or a conversation in the customer's thread, and print the store's chat QR code. */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
class StoreController {

    private final Inbox inbox;
    private final StoreQrCodes codes;

    StoreController(Inbox inbox, StoreQrCodes codes) {
        this.inbox = inbox;
        this.codes = codes;
    }

    record Identifier(@NotBlank @Pattern(regexp = "email|phone|customer_number|keycloak",
            message = "must be email, phone, customer_number or keycloak") String type, @NotBlank @Size(max = 320) String value) {
    }

    record Visit(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only")
                 String storeId, @NotEmpty @Size(max = 5) List<@Valid Identifier> customer,
                 @NotBlank @Size(max = 4000) String notes, @Size(max = 100) String visitId) {
    }

    record Recorded(String messageId) {
    }

    @PostMapping("/api/channels/store/visits")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded visit(@Valid @RequestBody Visit visit, Authentication staff) {
        String id = visit.visitId() == null ? UUID.randomUUID().toString() : visit.visitId();
        List<InboundMessage.SenderId> ids = visit.customer().stream()
                .map(i -> new InboundMessage.SenderId(i.type(), i.value(), false)).toList();
        InboundMessage message = new InboundMessage("store", visit.storeId() + ":" + id, ids, null,
                visit.notes() + " (recorded by " + Actor.of(staff) + ")", Instant.now(),
                new InboundMessage.Details("visit", null, List.of(), Map.of(), visit.storeId(), "inbound"));
        return new Recorded(inbox.receive(message).orElse("store:" + message.providerMessageId()));
    }

    @GetMapping("/api/channels/store/{storeId:[A-Za-z0-9_-]{1,64}}/qr")
    ResponseEntity<byte[]> qr(@PathVariable String storeId, @RequestParam(defaultValue = "png") String format) {
        return switch (format) {
            case "svg" -> ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(codes.svg(storeId));
            case "png" -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(codes.png(storeId));
            default -> throw new com.omnicanal.support.problem.InvalidRequestException("format", "must be png or svg");
        };
    }
}
