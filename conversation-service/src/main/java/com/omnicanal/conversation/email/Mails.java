package com.omnicanal.conversation.email;

import com.omnicanal.conversation.inbox.InboundMessage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An e-mail as an inbound message: the sender's address (unverified: From can be forged, so it finds a profile but never merges two) and threading headers. */
final class Mails {

    private Mails() {
    }

    static InboundMessage inbound(String messageId, String sender, String name, String subject, String text,
                                  String inReplyTo, String references, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", messageId.trim());
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            headers.put("In-Reply-To", inReplyTo.trim());
        }
        if (references != null && !references.isBlank()) {
            headers.put("References", references.trim());
        }
        String address = sender.trim().toLowerCase(java.util.Locale.ROOT);
        return new InboundMessage("email", messageId.trim(), List.of(new InboundMessage.SenderId("email", address, false)),
                name, text == null ? "" : text.strip(), at,
                new InboundMessage.Details("text", subject, List.of(), headers, null, "inbound"));
    }

    static String displayName(String from) {
        if (from == null) {
            return null;
        }
        try {
            return new InternetAddress(from).getPersonal();
        } catch (AddressException e) {
            return null;
        }
    }
}
