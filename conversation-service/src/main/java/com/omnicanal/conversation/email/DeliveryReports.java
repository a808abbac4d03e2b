package com.omnicanal.conversation.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3464 delivery reports: a {@code multipart/report; report-type=delivery-status} mail a mail server sends back
 * about one of ours (or an older-style bounce from MAILER-DAEMON), read for the Message-IDs it is about, the
 * action, the status code and the diagnostic.
 */
final class DeliveryReports {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s]+>");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");
    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\S+)");

    private DeliveryReports() {
    }

    /** What a report says: the messages it is about, and the action (failed, delayed, delivered…) with its why. */
    record Report(Set<String> messageIds, String action, String status, String diagnostic) {

        /** Our delivery status for it: failed, delivered, or none while the server is still trying (delayed). */
        String deliveryStatus() {
            return switch (action) {
                case "failed" -> "failed";
                case "delivered", "relayed", "expanded" -> "delivered";
                default -> null;
            };
        }

        String reason() {
            return "bounced: " + (status == null ? "no status code" : status) + (diagnostic == null ? "" : " (" + diagnostic + ")");
        }
    }

    /** A delivery report by its MIME type, or a bounce by its sender (mail servers send them as MAILER-DAEMON). */
    static boolean isReport(String contentType, String sender) {
        return isReportType(contentType) || sender != null
                && sender.toLowerCase(Locale.ROOT).matches("(mailer-daemon|postmaster)@.*");
    }

    static boolean isReportType(String contentType) {
        try {
            ContentType type = new ContentType(contentType == null ? "text/plain" : contentType);
            return type.match("multipart/report") && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
        } catch (jakarta.mail.internet.ParseException unreadable) {
            return false;
        }
    }

    /** Reads a report mail: the delivery-status part's fields, the returned message's Message-ID. */
    static Report read(Part mail) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        Set<String> ids = new LinkedHashSet<>();
        if (mail.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    text.append(fields(part.getInputStream())).append('\n');
                } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                    String original = new InternetHeaders(part.getInputStream()).getHeader("Message-ID", " ");
                    ids.addAll(messageIds(original));
                } else if (part.isMimeType("text/plain")) {
                    text.append(part.getContent()).append('\n');
                }
            }
        } else if (mail.getContent() instanceof String body) {
            text.append(body);
        }
        return fromText(ids, text.toString());
    }

    /** A report from its text alone (the inbound-parse webhook's fields): what the fields and Message-IDs say. */
    static Report fromText(Set<String> knownIds, String text) {
        Set<String> ids = new LinkedHashSet<>(knownIds);
        ids.addAll(messageIds(text));
        String action = first(ACTION, text);
        return new Report(ids, action == null ? "failed" : action.toLowerCase(Locale.ROOT), first(STATUS, text),
                first(DIAGNOSTIC, text));
    }

    /** The per-message block and every per-recipient block, as text (header blocks separated by blank lines). */
    private static String fields(InputStream raw) throws MessagingException, IOException {
        InputStream in = new java.io.ByteArrayInputStream(raw.readAllBytes()); // available() is exact on bytes in hand
        StringBuilder all = new StringBuilder();
        for (int block = 0; block < 20 && in.available() > 0; block++) {
            new InternetHeaders(in).getAllHeaderLines().asIterator().forEachRemaining(line -> all.append(line).append('\n'));
        }
        return all.toString();
    }

    static List<String> messageIds(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(text == null ? "" : text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}
