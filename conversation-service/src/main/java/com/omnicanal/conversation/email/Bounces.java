package com.omnicanal.conversation.email;

import com.omnicanal.conversation.inbox.Deliveries;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A bounce about one of our mails is that message's delivery status, as a provider's callback is on other channels:
 * {@code failed} with the status code and diagnostic, published as {@code message-status-changed} (so retry and
 * fallback rules see it); never a customer's message. A report about no message of ours is dropped.
 */
@Component
class Bounces {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);

    private final Deliveries deliveries;

    Bounces(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Whether the polled mail was a delivery report (then handled here). */
    boolean received(MimeMessage mail, String sender, Instant at) throws MessagingException, IOException {
        if (!DeliveryReports.isReport(mail.getContentType(), sender)) {
            return false;
        }
        apply(DeliveryReports.read(mail), at);
        return true;
    }

    /** Whether the inbound-parse post was a delivery report: its raw MIME ({@code body-mime}) if given, else its text. */
    boolean received(Map<String, String> form, Instant at) throws MessagingException, IOException {
        String mime = form.get("body-mime");
        if (mime != null) {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
            return received(mail, form.get("sender"), at);
        }
        String contentType = form.getOrDefault("Content-Type", form.getOrDefault("message-headers", ""));
        if (!DeliveryReports.isReport(contentType.contains("report") ? reportType(contentType) : null, form.get("sender"))) {
            return false;
        }
        Set<String> refs = new LinkedHashSet<>(DeliveryReports.messageIds(form.get("In-Reply-To")));
        refs.addAll(DeliveryReports.messageIds(form.get("References")));
        apply(DeliveryReports.fromText(refs, String.join("\n", form.values())), at);
        return true;
    }

    /** Mailgun lists headers as JSON pairs: a report's Content-Type is recognised inside them. */
    private static String reportType(String headers) {
        return headers.contains("delivery-status") ? "multipart/report; report-type=delivery-status" : null;
    }

    private void apply(DeliveryReports.Report report, Instant at) {
        String status = report.deliveryStatus();
        if (status == null) {
            return; // delayed: the server is still trying, nothing is decided yet
        }
        boolean ours = false;
        for (String messageId : report.messageIds()) {
            ours |= deliveries.update("email", messageId, status, "failed".equals(status) ? report.reason() : null, at);
        }
        if (!ours) {
            log.info("a delivery report ({}) about no message of ours was dropped", report.action());
        }
    }
}
