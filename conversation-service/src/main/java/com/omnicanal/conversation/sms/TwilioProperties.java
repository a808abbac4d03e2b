package com.omnicanal.conversation.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio Messaging: the auth token that signs webhooks and the public URL Twilio calls (it signs that URL, which
 * differs from the one this service sees behind the gateway; status callbacks go to that URL + {@code /status});
 * for live sending the account, the sender number or messaging service, and the REST base URL.
 */
@ConfigurationProperties("omni.channels.sms")
record TwilioProperties(String authToken, String publicWebhookUrl, String accountSid, String from,
                        String messagingServiceSid, @DefaultValue("https://api.twilio.com") String baseUrl) {
}
