package com.omnicanal.conversation.sms;

import com.omnicanal.conversation.channel.ChannelConnector;
import com.omnicanal.conversation.channel.ChannelException;
import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderCalls;
import com.omnicanal.conversation.channel.ProviderReceipt;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Live SMS through Twilio's Messages resource, asking for status callbacks to our webhook. */
@Component
class TwilioMessagesApi implements ChannelConnector {

    private final TwilioProperties properties;
    private final RestClient twilio;

    TwilioMessagesApi(TwilioProperties properties) {
        this.properties = properties;
        this.twilio = ProviderCalls.client(properties.baseUrl());
    }

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public ProviderReceipt send(OutboundMessage message) {
        if (properties.accountSid() == null || properties.authToken() == null) {
            throw new ChannelException("SMS is live but the Twilio account sid or auth token is not configured");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", message.address());
        if (properties.messagingServiceSid() != null && !properties.messagingServiceSid().isBlank()) {
            form.add("MessagingServiceSid", properties.messagingServiceSid());
        } else {
            form.add("From", properties.from());
        }
        form.add("Body", message.text());
        if (properties.publicWebhookUrl() != null && !properties.publicWebhookUrl().isBlank()) {
            form.add("StatusCallback", properties.publicWebhookUrl() + "/status");
        }
        message.attachments().forEach(a -> form.add("MediaUrl", a.url()));
        String basic = Base64.getEncoder().encodeToString((properties.accountSid() + ":" + properties.authToken())
                .getBytes(StandardCharsets.UTF_8));
        JsonNode answer = ProviderCalls.call("Twilio", () -> twilio.post()
                .uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
                .header("Authorization", "Basic " + basic).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(JsonNode.class));
        return new ProviderReceipt(answer.path("sid").asString());
    }
}
