package com.omnicanal.conversation.sms;

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
 * Twilio Messaging inbound SMS: a form-encoded webhook validated with {@code X-Twilio-Signature}; refused (401)
 * before anything is stored when it does not match. Answers empty TwiML (no automatic reply).
 */
@RestController
class TwilioWebhook {

    private final TwilioProperties properties;
    private final Inbox inbox;

    TwilioWebhook(TwilioProperties properties, Inbox inbox) {
        this.properties = properties;
        this.inbox = inbox;
    }

    @PostMapping(value = "/webhooks/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    String receive(HttpServletRequest request,
                   @RequestHeader(value = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
        if (!TwilioSignature.valid(webhookUrl(request), params, signature, properties.authToken())) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid signature");
        }
        if (params.get("MessageSid") == null || params.get("From") == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "MessageSid and From are required");
        }
        inbox.receive(new InboundMessage("sms", params.get("MessageSid"), "phone", params.get("From"), null,
                params.getOrDefault("Body", ""), Instant.now()));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    }

    private String webhookUrl(HttpServletRequest request) {
        String configured = properties.publicWebhookUrl();
        return configured != null && !configured.isBlank() ? configured : request.getRequestURL().toString();
    }
}
