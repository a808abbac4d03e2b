package com.omnicanal.conversation.email;

import com.omnicanal.conversation.channel.CustomerSimulator;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The sandbox's e-mail: a Mailgun-style inbound-parse post, signed; {@code extra} may carry In-Reply-To and subject. */
@Component
class EmailSimulator implements CustomerSimulator {

    private final EmailProperties properties;

    EmailSimulator(EmailProperties properties) {
        this.properties = properties;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public SimulatedRequest inbound(String from, String name, String text, Map<String, String> extra) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String token = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sender", from);
        form.put("from", name == null ? from : name + " <" + from + ">");
        form.put("subject", extra.getOrDefault("subject", "Consulta"));
        form.put("body-plain", text);
        form.put("Message-Id", "<" + UUID.randomUUID() + "@sandbox.customer>");
        if (extra.get("inReplyTo") != null) {
            form.put("In-Reply-To", extra.get("inReplyTo"));
            form.put("References", extra.get("inReplyTo"));
        }
        form.put("timestamp", timestamp);
        form.put("token", token);
        form.put("signature", MailgunSignature.sign(timestamp, token, properties.webhookSigningKey()));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return new SimulatedRequest("/webhooks/email", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Override
    public SimulatedRequest status(String providerMessageId, String to, String status) {
        throw new UnsupportedOperationException("e-mail has no delivery callbacks here");
    }
}
