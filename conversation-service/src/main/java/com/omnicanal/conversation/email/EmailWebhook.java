package com.omnicanal.conversation.email;

import com.omnicanal.conversation.inbox.Inbox;
import jakarta.mail.MessagingException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Inbound-parse webhook (Mailgun's route forwarding format): refused (401) unless signed with the webhook signing key
 * within the last 5 minutes; the mail joins its thread by In-Reply-To / References, else the sender's conversation;
 * a delivery report (bounce) is a status of the mail it is about ({@link Bounces}).
 */
@RestController
class EmailWebhook {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final EmailProperties properties;
    private final Inbox inbox;
    private final Bounces bounces;

    EmailWebhook(EmailProperties properties, Inbox inbox, Bounces bounces) {
        this.properties = properties;
        this.inbox = inbox;
        this.bounces = bounces;
    }

    @PostMapping("/webhooks/email")
    Map<String, String> receive(@RequestParam Map<String, String> form) throws MessagingException, IOException {
        String timestamp = form.get("timestamp");
        if (!MailgunSignature.valid(timestamp, form.get("token"), form.get("signature"), properties.webhookSigningKey())
                || !fresh(timestamp)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid signature");
        }
        if (bounces.received(form, Instant.now())) {
            return Map.of("status", "delivery-report");
        }
        if (form.get("sender") == null || form.get("Message-Id") == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sender and Message-Id are required");
        }
        String text = form.getOrDefault("stripped-text", form.getOrDefault("body-plain", ""));
        inbox.receive(Mails.inbound(form.get("Message-Id"), form.get("sender"), Mails.displayName(form.get("from")),
                form.get("subject"), text, form.get("In-Reply-To"), form.get("References"), Instant.now()));
        return Map.of("status", "received");
    }

    private static boolean fresh(String timestamp) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(at, Instant.now()).abs().compareTo(MAX_AGE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
