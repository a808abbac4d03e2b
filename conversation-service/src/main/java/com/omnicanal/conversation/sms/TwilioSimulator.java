package com.omnicanal.conversation.sms;

import com.omnicanal.conversation.channel.CustomerSimulator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The sandbox's Twilio: form-encoded inbound SMS and status callbacks, signed as Twilio signs them. */
@Component
class TwilioSimulator implements CustomerSimulator {

    private final TwilioProperties properties;
    private final Environment environment;

    TwilioSimulator(TwilioProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public SimulatedRequest inbound(String from, String name, String text, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("AccountSid", "ACsandbox");
        params.put("From", from);
        params.put("To", "+15550000000");
        params.put("Body", text);
        params.put("NumMedia", "0");
        return signed("/webhooks/sms", "", params);
    }

    @Override
    public SimulatedRequest status(String providerMessageId, String to, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", providerMessageId);
        params.put("MessageStatus", status.equals("failed") ? "undelivered" : status);
        params.put("To", to);
        if (status.equals("failed")) {
            params.put("ErrorCode", "30003");
        }
        return signed("/webhooks/sms/status", "/status", params);
    }

    private SimulatedRequest signed(String path, String suffix, Map<String, String> params) {
        String configured = properties.publicWebhookUrl();
        String url = configured != null && !configured.isBlank() ? configured + suffix
                : "http://localhost:" + environment.getProperty("local.server.port") + path;
        String body = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new SimulatedRequest(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Twilio-Signature", TwilioSignature.sign(url, params, properties.authToken())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
