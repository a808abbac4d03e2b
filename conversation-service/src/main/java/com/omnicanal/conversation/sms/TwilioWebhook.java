package com.omnicanal.conversation.sms;

import com.omnicanal.conversation.inbox.Deliveries;
import com.omnicanal.conversation.inbox.Inbox;
import com.omnicanal.conversation.inbox.InboundMessage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Twilio Messaging: inbound SMS and status callbacks, form-encoded and validated with {@code X-Twilio-Signature};
 * refused (401) before anything is stored when it does not match. Answers empty TwiML (no automatic reply).
 */
@RestController
class TwilioWebhook {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioProperties properties;
    private final Inbox inbox;
    private final Deliveries deliveries;

    TwilioWebhook(TwilioProperties properties, Inbox inbox, Deliveries deliveries) {
        this.properties = properties;
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @PostMapping(value = "/webhooks/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    String receive(HttpServletRequest request,
                   @RequestHeader(value = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = verified(request, signature, "");
        if (params.get("MessageSid") == null || params.get("From") == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "MessageSid and From are required");
        }
        inbox.receive(InboundMessage.text("sms", params.get("MessageSid"), "phone", params.get("From"), null,
                params.getOrDefault("Body", ""), Instant.now()));
        return EMPTY_TWIML;
    }

    @PostMapping(value = "/webhooks/sms/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, String> status(HttpServletRequest request,
                               @RequestHeader(value = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = verified(request, signature, "/status");
        String status = switch (params.getOrDefault("MessageStatus", "")) {
            case "sent", "delivered", "read", "failed" -> params.get("MessageStatus");
            case "undelivered" -> "failed";
            default -> null; // accepted, queued, sending: nothing new for the thread
        };
        if (status != null && params.get("MessageSid") != null) {
            String error = params.get("ErrorCode") == null ? null : "Twilio error " + params.get("ErrorCode");
            deliveries.update("sms", params.get("MessageSid"), status, error, Instant.now());
        }
        return Map.of("status", "received");
    }

    private Map<String, String> verified(HttpServletRequest request, String signature, String suffix) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
        if (!TwilioSignature.valid(webhookUrl(request, suffix), params, signature, properties.authToken())) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid signature");
        }
        return params;
    }

    private String webhookUrl(HttpServletRequest request, String suffix) {
        String configured = properties.publicWebhookUrl();
        return configured != null && !configured.isBlank() ? configured + suffix : request.getRequestURL().toString();
    }
}
